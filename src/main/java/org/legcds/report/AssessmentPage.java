package org.legcds.report;

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
import org.legcds.vocabulary.FindingDefinition;

/**
 * One assessment as a self-contained HTML page: the summary on top (urgency and the red flags that set it, red flags,
 * red-flag checks not evaluated, claudication with evidence for and against, distribution, differential, next steps,
 * questions), then the {@link ExplanationGraph} as inline SVG, then every rule that fired. No network, no script; inline
 * CSS only; readable when printed. Every text from the input is escaped. Deterministic: same input, same bytes.
 * Stateless and thread-safe.
 */
public final class AssessmentPage {

    private static final String CSS = """
            body{font-family:Helvetica,Arial,sans-serif;font-size:14px;color:#111;margin:24px;max-width:1400px}
            h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:20px 0 6px;border-bottom:1px solid #ccc}
            .note{color:#555;font-size:12px}.cite{color:#555;font-size:12px;font-family:monospace}
            .urgency{padding:10px 14px;border-radius:6px;font-size:18px;font-weight:bold;margin:12px 0}
            .EMERGENCY{background:#d32f2f;color:#fff}.URGENT{background:#f57c00;color:#fff}
            .ROUTINE{background:#e8f5e9;color:#1b5e20;border:1px solid #a5d6a7}
            .flag{border-left:6px solid #d32f2f;padding:4px 10px;margin:6px 0;background:#fdecea}
            .open{border:2px dashed #e65100;padding:4px 10px;margin:6px 0;background:#fff8e1}
            table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
            .graph-box{overflow-x:auto;border:1px solid #ddd;padding:4px}
            .legend span{display:inline-block;margin-right:14px}
            .sw{display:inline-block;width:14px;height:10px;margin-right:4px;vertical-align:middle}
            @media print{body{margin:0;max-width:none}.graph-box{overflow:visible;border:0}
            svg.graph{max-width:100%;height:auto}details{display:block}details>summary{display:none}}
            """;

    private final StringBuilder html = new StringBuilder();

    private AssessmentPage() {
    }

    /**
     * The page for a case and its assessment. Stateless; safe to call from any thread.
     *
     * @param patientCase the case that was assessed (its patient and findings head the page)
     * @param assessment  the assessment of that case
     * @return the HTML document, UTF-8 text
     */
    public static String render(Case patientCase, Assessment assessment) {
        return new AssessmentPage().page(patientCase, assessment);
    }

    private String page(Case c, Assessment a) {
        String patient = "Patient " + c.patient().id() + ", "
                + (c.patient().age() == null ? "age unknown" : c.patient().age() + " y") + ", "
                + c.patient().sex().name().toLowerCase(Locale.ROOT);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>legcds assessment: ").append(e(c.patient().id())).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        html.append("<h1>legcds assessment</h1>\n<p class=\"note\">Decision support for clinicians; not a diagnosis.</p>\n");
        html.append("<p>").append(e(patient)).append("; evaluated ").append(e(String.valueOf(a.evaluationDate())))
                .append("<br><span class=\"note\">Knowledge base ").append(e(a.knowledgeBase().name())).append(' ')
                .append(e(a.knowledgeBase().version())).append(" (").append(e(a.knowledgeBase().status()))
                .append("), ").append(e(a.knowledgeBase().contentHash())).append("</span></p>\n");

        String level = String.valueOf(a.triage().level());
        html.append("<div class=\"urgency ").append(e(level)).append("\">URGENCY: ").append(e(level))
                .append(a.triage().setBy().isEmpty() ? " (no red flag raised)" : " (set by " + e(a.triage().setBy()
                        .stream().map(check -> check.label()).collect(Collectors.joining(", "))) + ")")
                .append("</div>\n");

        section("Red flags");
        if (a.redFlags().isEmpty()) {
            html.append("<p>None raised.</p>\n");
        }
        for (RedFlag flag : a.redFlags()) {
            html.append("<div class=\"flag\"><b>").append(e(flag.label())).append("</b> [")
                    .append(e(String.valueOf(flag.urgency()))).append("]<br>Action: ").append(e(flag.action()))
                    .append(because(flag.because())).append("</div>\n");
        }

        section("Red-flag checks not evaluated (findings unknown: ask or examine)");
        if (a.notEvaluated().isEmpty()) {
            html.append("<p>None: every red-flag check could be decided.</p>\n");
        }
        for (NotEvaluated open : a.notEvaluated()) {
            html.append("<div class=\"open\"><b>").append(e(open.label())).append("</b>: unknown ")
                    .append(e(open.unknownFindings().stream().map(FindingDefinition::id).collect(Collectors.joining(", "))))
                    .append(cite(open.because())).append("</div>\n");
        }

        section("Claudication: " + a.claudication().type());
        html.append("<ul>\n");
        for (Clue clue : a.claudication().evidenceFor()) {
            clue("+", clue);
        }
        for (Clue clue : a.claudication().evidenceAgainst()) {
            clue("\u2212", clue);
        }
        html.append("<li>classified by").append(cite(a.claudication().because())).append("</li>\n</ul>\n");

        section("Distribution");
        html.append("<p>").append(a.patterns().isEmpty() ? "Not determined (record the side of each symptom)."
                : e(a.patterns().stream().map(p -> p.label()).collect(Collectors.joining("; ")))).append("</p>\n");

        section("Differential");
        if (a.differential().isEmpty()) {
            html.append("<p>No hypothesis yet.</p>\n");
        } else {
            html.append("<table>\n<tr><th>tier</th><th>condition</th><th>because</th><th>against</th>"
                    + "<th>would decide</th></tr>\n");
            for (Hypothesis h : a.differential()) {
                html.append("<tr><td>").append(e(String.valueOf(h.tier()))).append("</td><td><b>")
                        .append(e(h.label())).append("</b><br><span class=\"note\">")
                        .append(e(String.valueOf(h.category()).toLowerCase(Locale.ROOT))).append("</span></td><td>")
                        .append(e(String.join("; ", h.reasons()))).append(because(h.because())).append("</td><td>")
                        .append(e(h.findingsAgainst().stream().map(x -> x.reason()).collect(Collectors.joining("; "))))
                        .append("</td><td>").append(e(h.wouldDecide().stream().map(FindingDefinition::id)
                                .collect(Collectors.joining(", ")))).append("</td></tr>\n");
            }
            html.append("</table>\n");
        }

        section("Next steps");
        if (a.recommendations().isEmpty()) {
            html.append("<p>None.</p>\n");
        } else {
            html.append("<table>\n");
            for (Recommendation r : a.recommendations()) {
                html.append("<tr><td>").append(e(String.valueOf(r.kind()))).append("</td><td><b>").append(e(r.label()))
                        .append("</b><br>why: ").append(e(r.reason())).append(cite(r.because())).append("</td></tr>\n");
            }
            html.append("</table>\n");
        }

        section("Questions worth asking (most decisive first)");
        if (a.questions().isEmpty()) {
            html.append("<p>None.</p>\n");
        } else {
            html.append("<ul>\n");
            for (Question q : a.questions()) {
                html.append("<li>[").append(e(String.valueOf(q.priority()).toLowerCase(Locale.ROOT).replace('_', ' ')))
                        .append("] <b>").append(e(q.finding().id())).append("</b>: ").append(e(q.why()))
                        .append("</li>\n");
            }
            html.append("</ul>\n");
        }

        section("How the conclusions were reached");
        html.append("<p class=\"note legend\">")
                .append(swatch("#e3f0fb", "#1565c0", false)).append("<span>present finding</span>")
                .append(swatch("#ffffff", "#757575", false)).append("<span><s>absent finding</s></span>")
                .append(swatch("#f2f2f2", "#9e9e9e", true)).append("<span>? unknown finding (not absent)</span>")
                .append(swatch("#d32f2f", "#8e0000", false)).append("<span>red flag</span>")
                .append(swatch("#fff8e1", "#e65100", true)).append("<span>red-flag check not evaluated</span>")
                .append("<span>edges: labelled with the rule ids; hover a node or a label for rules and source "
                        + "claims</span></p>\n");
        html.append("<div class=\"graph-box\">\n").append(ExplanationGraph.of(a).svg()).append("</div>\n");

        section("Rules that fired, in order");
        html.append("<details open><summary>").append(a.trace().size()).append(" firings</summary>\n<table>\n")
                .append("<tr><th>#</th><th>rule</th><th>name</th><th>sources</th><th>matched</th></tr>\n");
        for (TraceEntry t : a.trace()) {
            html.append("<tr><td>").append(t.order()).append("</td><td class=\"cite\">").append(e(t.rule()))
                    .append("</td><td>").append(e(t.name())).append("</td><td class=\"cite\">")
                    .append(e(String.join(", ", t.sources()))).append("</td><td>")
                    .append(e(String.join("; ", t.matched()))).append("</td></tr>\n");
        }
        html.append("</table>\n</details>\n</body>\n</html>\n");
        return html.toString();
    }

    private void clue(String sign, Clue clue) {
        html.append("<li>").append(sign).append(' ').append(e(clue.clue())).append(" (")
                .append(e(clue.direction().name().toLowerCase(Locale.ROOT))).append(' ')
                .append(e(clue.mechanism().name().toLowerCase(Locale.ROOT))).append(')').append(cite(clue.because()))
                .append("</li>\n");
    }

    private static String swatch(String fill, String stroke, boolean dashed) {
        return "<span class=\"sw\" style=\"background:" + fill + ";border:2px " + (dashed ? "dashed " : "solid ")
                + stroke + "\"></span>";
    }

    private void section(String title) {
        html.append("<h2>").append(e(title)).append("</h2>\n");
    }

    private static String because(Explanation because) {
        List<Finding> findings = because.findings();
        String text = findings.isEmpty() ? "" : "<br><span class=\"note\">findings: "
                + e(findings.stream().map(Finding::describe).collect(Collectors.joining("; "))) + "</span>";
        return text + cite(because);
    }

    private static String cite(Explanation because) {
        if (because.rules().isEmpty()) {
            return "";
        }
        return " <span class=\"cite\">[" + e(because.rules().stream().map(AssessmentPage::cite)
                .collect(Collectors.joining("; "))) + "]</span>";
    }

    private static String cite(RuleRef rule) {
        return rule.id() + " <- " + String.join(", ", rule.sources());
    }

    private static String e(String text) {
        return Html.escape(text);
    }
}
