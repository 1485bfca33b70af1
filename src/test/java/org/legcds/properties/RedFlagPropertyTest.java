package org.legcds.properties;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.legcds.Clinic;
import org.legcds.assessment.Assessment;
import org.legcds.assessment.RedFlag;
import org.legcds.facts.Case;
import org.legcds.facts.Finding;

/**
 * Red flags win: adding a red-flag finding never lowers the urgency, and adding findings unrelated to any red flag never
 * withdraws a red flag (nor lowers the urgency). Red-flag and unrelated codes are read from the red-flag rules
 * ({@link RedFlagRules}).
 */
@StatisticsReport(onFailureOnly = true) // the figures matter when a property fails; a quiet build otherwise
@Label("Red flags win")
class RedFlagPropertyTest {

    @Provide
    Arbitrary<Case> cases() {
        return CaseGenerators.cases();
    }

    /** A case, and a finding of a red-flag code the case does not have yet, with any status and qualifiers. */
    @Provide
    Arbitrary<Tuple2<Case, Finding>> casesAndRedFlagFindings() {
        return CaseGenerators.cases().flatMap(patientCase -> {
            Set<String> listed = patientCase.findings().stream().map(Finding::code).collect(Collectors.toSet());
            List<String> fresh = RedFlagRules.CODES.stream().filter(c -> !listed.contains(c)).toList();
            return Arbitraries.of(fresh).flatMap(CaseGenerators::finding).map(f -> Tuple.of(patientCase, f));
        });
    }

    @Provide
    Arbitrary<List<Finding>> unrelatedFindings() {
        return CaseGenerators.findings(Arbitraries.of(RedFlagRules.UNRELATED), 8).filter(list -> !list.isEmpty());
    }

    @Property(tries = 1000)
    @Label("adding a red-flag finding never lowers the urgency")
    void addingARedFlagFindingNeverLowersUrgency(@ForAll("casesAndRedFlagFindings") Tuple2<Case, Finding> example) {
        Case patientCase = example.get1();
        Finding added = example.get2();
        Assessment before = Clinic.ENGINE.assess(patientCase);

        Assessment after = Clinic.ENGINE.assess(CaseGenerators.adding(patientCase, List.of(added)));

        Statistics.label("added").collect(added.status());
        Statistics.label("urgency before -> after").collect(before.triage().level() + " -> "
                + after.triage().level());
        assertFalse(before.triage().level().moreUrgentThan(after.triage().level()),
                () -> "adding " + added.describe() + " lowered the urgency from " + before.triage() + " to "
                        + after.triage() + "\ncase: " + describe(patientCase));
    }

    @Property(tries = 1000)
    @Label("adding findings unrelated to any red flag never withdraws a red flag")
    void addingUnrelatedFindingsNeverRemovesARedFlag(@ForAll("cases") Case patientCase,
                                                     @ForAll("unrelatedFindings") List<Finding> added) {
        Set<String> codes = patientCase.findings().stream().map(Finding::code).collect(Collectors.toSet());
        List<Finding> fresh = added.stream().filter(f -> !codes.contains(f.code())).toList();
        Assume.that(!fresh.isEmpty());
        Assessment before = Clinic.ENGINE.assess(patientCase);

        Assessment after = Clinic.ENGINE.assess(CaseGenerators.adding(patientCase, fresh));

        Set<String> raisedBefore = checks(before.redFlags());
        Set<String> raisedAfter = checks(after.redFlags());
        Statistics.label("red flags before").collect(raisedBefore.isEmpty() ? "none" : "some");
        assertTrue(raisedAfter.containsAll(raisedBefore), () -> "adding " + describe(fresh) + " withdrew "
                + difference(raisedBefore, raisedAfter) + "\ncase: " + describe(patientCase));
        assertFalse(before.triage().level().moreUrgentThan(after.triage().level()),
                () -> "adding " + describe(fresh) + " lowered the urgency from " + before.triage() + " to "
                        + after.triage() + "\ncase: " + describe(patientCase));
    }

    static Set<String> checks(List<RedFlag> redFlags) {
        Set<String> checks = new TreeSet<>();
        redFlags.forEach(r -> checks.add(r.check().id()));
        return checks;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>();
        d.addAll(a);
        d.removeAll(b);
        return d;
    }

    static String describe(Case patientCase) {
        return patientCase.patient() + " " + describe(patientCase.findings());
    }

    static String describe(List<Finding> findings) {
        return findings.stream().map(Finding::describe).collect(Collectors.joining("; ", "[", "]"));
    }
}
