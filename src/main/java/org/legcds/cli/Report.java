package org.legcds.cli;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.legcds.assessment.Assessment;
import org.legcds.assessment.Clue;
import org.legcds.assessment.Explanation;
import org.legcds.assessment.Hypothesis;
import org.legcds.assessment.NotEvaluated;
import org.legcds.assessment.Question;
import org.legcds.assessment.Recommendation;
import org.legcds.assessment.RedFlag;
import org.legcds.assessment.RuleRef;
import org.legcds.assessment.TraceEntry;
import org.legcds.facts.Case;
import org.legcds.facts.Finding;
import org.legcds.problems.Escaping;
import org.legcds.vocabulary.Urgency;

/** The readable report: urgency first, then red flags, claudication, differential, next steps, questions and why. */
final class Report {

    private final StringBuilder text = new StringBuilder();

    private Report() {
    }

    static String of(Case patientCase, Assessment a) {
        return new Report().render(patientCase, a);
    }

    private String render(Case c, Assessment a) {
        line("legcds assessment (decision support for clinicians; not a diagnosis)");
        line("Patient %s, %s, %s; evaluated %s", Escaping.name(c.patient().id()),
                c.patient().age() == null ? "age unknown" : c.patient().age() + " y",
                c.patient().sex().name().toLowerCase(Locale.ROOT), a.evaluationDate());
        line("Knowledge base %s %s (%s), %s", a.knowledgeBase().name(), a.knowledgeBase().version(),
                a.knowledgeBase().status(), a.knowledgeBase().contentHash());
        line("");
        line("URGENCY: %s%s", a.triage().level(), a.triage().setBy().isEmpty() ? " (no red flag raised)"
                : " (set by " + a.triage().setBy().stream().map(d -> d.id()).collect(Collectors.joining(", ")) + ")");

        section("RED FLAGS");
        if (a.redFlags().isEmpty()) {
            line("  none raised");
        }
        for (RedFlag flag : a.redFlags()) {
            line("  ! %s [%s]", flag.label(), flag.urgency());
            line("    action: %s", flag.action());
            because(flag.because(), "    ");
        }

        section("RED-FLAG CHECKS NOT EVALUATED (findings unknown: ask or examine)");
        if (a.notEvaluated().isEmpty()) {
            line("  none: every red-flag check could be decided");
        }
        for (NotEvaluated open : a.notEvaluated()) {
            line("  ? %s: unknown %s%s", open.label(),
                    open.unknownFindings().stream().map(d -> d.id()).collect(Collectors.joining(", ")),
                    open.atLeast() == Urgency.ROUTINE ? "" : " (" + open.atLeast() + " until answered)");
        }

        section("CLAUDICATION: " + Escaping.inline(String.valueOf(a.claudication().type())));
        for (Clue clue : a.claudication().evidenceFor()) {
            line("  + %s (%s %s)%s", clue.clue(), clue.direction().name().toLowerCase(Locale.ROOT),
                    clue.mechanism().name().toLowerCase(Locale.ROOT), rules(clue.because()));
        }
        for (Clue clue : a.claudication().evidenceAgainst()) {
            line("  - %s (%s %s)%s", clue.clue(), clue.direction().name().toLowerCase(Locale.ROOT),
                    clue.mechanism().name().toLowerCase(Locale.ROOT), rules(clue.because()));
        }
        line("  classified by%s", rules(a.claudication().because()));

        section("DISTRIBUTION");
        line("  %s", a.patterns().isEmpty() ? "not determined (record the side of each symptom)"
                : a.patterns().stream().map(p -> p.label()).collect(Collectors.joining("; ")));

        section("DIFFERENTIAL");
        if (a.differential().isEmpty()) {
            line("  no hypothesis yet");
        }
        for (Hypothesis h : a.differential()) {
            line("  %-8s %s [%s]", h.tier(), h.label(), h.category().name().toLowerCase(Locale.ROOT));
            line("           because %s", String.join("; ", h.reasons()));
            h.findingsAgainst().forEach(e -> line("           against: %s", e.reason()));
            if (!h.wouldDecide().isEmpty()) {
                line("           would decide: %s", h.wouldDecide().stream().map(d -> d.id())
                        .collect(Collectors.joining(", ")));
            }
            because(h.because(), "           ");
        }

        section("RECOMMENDATIONS");
        if (a.recommendations().isEmpty()) {
            line("  none");
        }
        for (Recommendation r : a.recommendations()) {
            line("  %-11s %s", r.kind(), r.label());
            line("              why: %s%s", r.reason(), rules(r.because()));
        }

        section("QUESTIONS WORTH ASKING (most decisive first)");
        if (a.questions().isEmpty()) {
            line("  none");
        }
        for (Question q : a.questions()) {
            line("  [%s] %s: %s", q.priority().name().toLowerCase(Locale.ROOT).replace('_', ' '), q.finding().id(), q.why());
        }

        section("WHY: rules that fired, in order");
        for (TraceEntry t : a.trace()) {
            line("  %2d. %-15s %s  <- %s", t.order(), t.rule(), t.name(), String.join(", ", t.sources()));
        }
        return text.toString();
    }

    private void because(Explanation because, String indent) {
        List<Finding> findings = because.findings();
        if (!findings.isEmpty()) {
            line("%sfindings: %s", indent, findings.stream().map(Finding::describe).collect(Collectors.joining("; ")));
        }
        line("%srule%s", indent, rules(because));
    }

    private static String rules(Explanation because) {
        if (because.rules().isEmpty()) {
            return "";
        }
        return " [" + because.rules().stream().map(Report::cite).collect(Collectors.joining("; ")) + "]";
    }

    private static String cite(RuleRef rule) {
        return rule.id() + " <- " + String.join(", ", rule.sources());
    }

    private void section(String title) {
        line("");
        line(title);
    }

    /** One line of the report: every value in it is escaped, so nothing a case holds can start another line. */
    private void line(String format, Object... args) {
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            shown[i] = args[i] instanceof Number ? args[i] : Escaping.inline(String.valueOf(args[i]));
        }
        text.append(args.length == 0 ? format : String.format(Locale.ROOT, format, shown)).append(System.lineSeparator());
    }
}
