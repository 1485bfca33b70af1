package org.legcds.properties;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.legcds.Clinic;
import org.legcds.LegCds;
import org.legcds.assessment.Assessment;
import org.legcds.facts.Case;
import org.legcds.facts.Finding;
import org.legcds.facts.Patient;
import org.legcds.facts.Sex;
import org.legcds.facts.Status;

/**
 * Unknown is not absent: turning an absent red-flag finding into unknown never gives a quieter assessment (a lower
 * urgency, or a red flag fewer) unless the assessment says which check it could not evaluate. And a red-flag check
 * whose screening finding becomes unknown is either raised or reported as not evaluated, naming that finding.
 */
@StatisticsReport(onFailureOnly = true) // the figures matter when a property fails; a quiet build otherwise
@Label("Unknown is not absent")
class UnknownIsNotAbsentPropertyTest {

    @Provide
    Arbitrary<Case> screenedCases() {
        return CaseGenerators.screenedCases();
    }

    /** The absent findings of the case whose codes a red-flag rule mentions. */
    private static List<Finding> absentRedFlagFindings(Case patientCase) {
        return patientCase.findings().stream()
                .filter(f -> f.absent() && RedFlagRules.CODES.contains(f.code())).toList();
    }

    @Property(tries = 1000)
    @Label("an absent red-flag finding made unknown never quietens the assessment without a notEvaluated entry")
    void unknownNeverQuieterWithoutNotEvaluated(@ForAll("screenedCases") Case patientCase) {
        Assessment before = Clinic.ENGINE.assess(patientCase);
        List<String> violations = new ArrayList<>();
        List<Finding> absent = absentRedFlagFindings(patientCase);
        Statistics.label("absent red-flag findings made unknown, per case").collect(Math.min(absent.size(), 10));
        for (Finding finding : absent) {
            Finding unknown = Finding.unknown(finding.code()).on(finding.laterality());
            Assessment after = Clinic.ENGINE.assess(CaseGenerators.replace(patientCase, finding, unknown));

            boolean lowerUrgency = before.triage().level().moreUrgentThan(after.triage().level());
            boolean fewerRedFlags = !RedFlagPropertyTest.checks(after.redFlags())
                    .containsAll(RedFlagPropertyTest.checks(before.redFlags()));
            Set<String> belongsTo = RedFlagRules.checksOf(finding.code());
            boolean saysNotEvaluated = after.notEvaluated().stream().map(n -> n.check().id())
                    .anyMatch(belongsTo::contains);
            if ((lowerUrgency || fewerRedFlags) && !saysNotEvaluated) {
                violations.add(finding.describe() + " made unknown: urgency " + before.triage() + " -> "
                        + after.triage() + ", red flags " + RedFlagPropertyTest.checks(before.redFlags()) + " -> "
                        + RedFlagPropertyTest.checks(after.redFlags()) + ", and no notEvaluated entry for " + belongsTo);
            }
        }
        assertTrue(violations.isEmpty(), () -> String.join("\n", violations) + "\ncase: "
                + RedFlagPropertyTest.describe(patientCase));
    }

    @Property(tries = 1000)
    @Label("a screening finding made unknown leaves its check raised or not evaluated, naming the finding")
    void unknownScreeningFindingIsReportedNotEvaluated(@ForAll("screenedCases") Case patientCase) {
        long screened = patientCase.findings().stream()
                .filter(f -> f.absent() && CaseGenerators.SCREEN.contains(f.code())).count();
        Statistics.label("absent screening findings made unknown, per case").collect(screened);
        List<String> violations = screeningViolations(Clinic.ENGINE, patientCase);
        assertTrue(violations.isEmpty(), () -> String.join("\n", violations) + "\ncase: "
                + RedFlagPropertyTest.describe(patientCase));
    }

    @Example
    @Label("the property notices a knowledge base that forgets to report the cauda equina check open")
    void theScreeningPropertyCanFail() {
        org.legcds.assessment.Assessor withoutOpenCheck = org.legcds.KnowledgeBaseTesting.withRulesDisabled(Clinic.ENGINE, Set.of("RF-CES-OPEN"));
        Case screened = new Case(new Patient("screened", 60, Sex.FEMALE, Status.ABSENT), Clinic.TODAY,
                CaseGenerators.SCREEN.stream().map(Finding::absent).toList());

        assertTrue(screeningViolations(Clinic.ENGINE, screened).isEmpty());
        List<String> violations = screeningViolations(withoutOpenCheck, screened);
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("BLADDER_DYSFUNCTION absent made unknown: "
                + "CAUDA_EQUINA_SYNDROME neither raised nor not evaluated")), violations::toString);
    }

    /** For each absent screening finding made unknown: its checks that are neither raised nor reported open. */
    static List<String> screeningViolations(org.legcds.assessment.Assessor engine, Case patientCase) {
        List<String> violations = new ArrayList<>();
        for (Finding finding : patientCase.findings()) {
            if (!finding.absent() || !CaseGenerators.SCREEN.contains(finding.code())) {
                continue;
            }
            Finding unknown = Finding.unknown(finding.code()).on(finding.laterality());
            Assessment after = engine.assess(CaseGenerators.replace(patientCase, finding, unknown));
            for (String check : RedFlagRules.checksOf(finding.code())) {
                boolean raised = after.redFlag(check).isPresent();
                boolean open = after.notEvaluated(check).map(n -> n.unknownFindings().stream().anyMatch(f -> f.id().equals(finding.code())))
                        .orElse(false);
                if (!raised && !open && opensAlone(finding, check)) {
                    violations.add(finding.describe() + " made unknown: " + check
                            + " neither raised nor not evaluated naming " + finding.code());
                }
            }
        }
        return violations;
    }

    /**
     * Whether the finding, unknown, leaves the check open by itself, whatever else is recorded: the (check, finding)
     * pairs reported not evaluated for a patient with nothing recorded at all. (Some open checks need another finding
     * too, e.g. swelling is asked about only in severe leg pain; those are left to the first property.)
     */
    private static boolean opensAlone(Finding finding, String check) {
        return OPENED_ALONE.contains(check + "/" + finding.code());
    }

    private static final Set<String> OPENED_ALONE = Clinic.ENGINE
            .assess(new Case(new Patient("nothing-recorded", 60, Sex.UNKNOWN, Status.UNKNOWN), Clinic.TODAY, List.of())).notEvaluated().stream()
            .flatMap(n -> n.unknownFindings().stream().map(code -> n.check().id() + "/" + code.id()))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
}
