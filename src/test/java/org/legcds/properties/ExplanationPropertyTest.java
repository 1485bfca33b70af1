package org.legcds.properties;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.legcds.Clinic;
import org.legcds.assessment.Assessment;
import org.legcds.assessment.Clue;
import org.legcds.assessment.Evidence;
import org.legcds.assessment.Explanation;
import org.legcds.assessment.Hypothesis;
import org.legcds.assessment.NotEvaluated;
import org.legcds.assessment.ObservedPattern;
import org.legcds.assessment.Question;
import org.legcds.assessment.Recommendation;
import org.legcds.assessment.RedFlag;
import org.legcds.assessment.RuleRef;
import org.legcds.assessment.TraceEntry;
import org.legcds.facts.Case;
import org.legcds.scenario.EvidenceRegister;

/**
 * Every conclusion explains itself: every item of an assessment (red flag, check not evaluated, claudication and its
 * clues, pattern, hypothesis and the evidence against it, recommendation, question) names at least one rule; each such
 * rule is in the trace (it fired); and every rule cited, in an explanation or in the trace, rests on source claims that
 * exist in the evidence register ({@code seeds/}).
 */
@StatisticsReport(onFailureOnly = true) // the figures matter when a property fails; a quiet build otherwise
@Label("Every conclusion explains itself")
class ExplanationPropertyTest {

    private static final Set<String> CLAIMS = EvidenceRegister.read(Path.of("seeds")).claims().keySet();

    @Provide
    Arbitrary<Case> cases() {
        return CaseGenerators.cases();
    }

    @Property(tries = 1000)
    @Label("every item has an explanation whose rules fired and cite existing source claims")
    void everyItemIsExplainedByRulesThatFiredAndCiteRealClaims(@ForAll("cases") Case patientCase) {
        Assessment assessment = Clinic.ENGINE.assess(patientCase);
        Set<String> fired = assessment.trace().stream().map(TraceEntry::rule).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();

        for (RedFlag item : assessment.redFlags()) {
            check("red flag " + item.check().id(), item.because(), fired, problems);
        }
        for (NotEvaluated item : assessment.notEvaluated()) {
            check("not evaluated " + item.check().id(), item.because(), fired, problems);
        }
        check("claudication " + assessment.claudication().type(), assessment.claudication().because(), fired,
                problems);
        for (Clue clue : assessment.claudication().evidenceFor()) {
            check("claudication clue for: " + clue.clue(), clue.because(), fired, problems);
        }
        for (Clue clue : assessment.claudication().evidenceAgainst()) {
            check("claudication clue against: " + clue.clue(), clue.because(), fired, problems);
        }
        for (ObservedPattern item : assessment.patterns()) {
            check("pattern " + item.pattern(), item.because(), fired, problems);
        }
        for (Hypothesis item : assessment.differential()) {
            check("hypothesis " + item.condition().id(), item.because(), fired, problems);
            for (Evidence against : item.findingsAgainst()) {
                check("evidence against " + item.condition().id() + ": " + against.reason(), against.because(), fired,
                        problems);
            }
        }
        for (Recommendation item : assessment.recommendations()) {
            check("recommendation " + item.step().id(), item.because(), fired, problems);
        }
        for (Question item : assessment.questions()) {
            check("question " + item.finding().id(), item.because(), fired, problems);
        }
        for (TraceEntry entry : assessment.trace()) {
            entry.sources().stream().filter(s -> !CLAIMS.contains(s)).forEach(s -> problems.add(
                    "trace entry " + entry.order() + " " + entry.rule() + " cites " + s + ", not in seeds/"));
        }
        // the urgency is set by red flags raised, or by checks left open at a raised urgency (NotEvaluated.atLeast)
        Set<String> raised = new java.util.TreeSet<>(RedFlagPropertyTest.checks(assessment.redFlags()));
        assessment.notEvaluated().stream().filter(n -> n.atLeast() != org.legcds.vocabulary.Urgency.ROUTINE)
                .forEach(n -> raised.add(n.check().id()));
        if (!raised.containsAll(Clinic.ids(assessment.triage().setBy()))) {
            problems.add("urgency set by " + Clinic.ids(assessment.triage().setBy())
                    + " but red flags raised and checks open at a raised urgency are " + raised);
        }

        Statistics.label("items explained").collect(bucket(assessment.redFlags().size() + assessment.notEvaluated()
                .size() + assessment.patterns().size() + assessment.differential().size()
                + assessment.recommendations().size() + assessment.questions().size() + 1));
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems) + "\ncase: "
                + RedFlagPropertyTest.describe(patientCase));
    }

    private static void check(String item, Explanation because, Set<String> fired, List<String> problems) {
        if (because == null || because.rules().isEmpty()) {
            problems.add(item + ": no rule explains it");
            return;
        }
        for (RuleRef rule : because.rules()) {
            if (!fired.contains(rule.id())) {
                problems.add(item + ": explained by " + rule.id() + ", which is not in the trace");
            }
            if (rule.sources().isEmpty()) {
                problems.add(item + ": rule " + rule.id() + " cites no source claim");
            }
            rule.sources().stream().filter(s -> !CLAIMS.contains(s)).forEach(s -> problems.add(
                    item + ": rule " + rule.id() + " cites " + s + ", which is not a claim of seeds/"));
        }
    }

    private static String bucket(int items) {
        return items < 10 ? "1-9" : items < 20 ? "10-19" : items < 40 ? "20-39" : "40+";
    }
}
