package org.legcds.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.legcds.assessment.Assessment;
import org.legcds.assessment.Clue;
import org.legcds.assessment.Evidence;
import org.legcds.assessment.Explanation;
import org.legcds.assessment.Hypothesis;
import org.legcds.assessment.NotEvaluated;
import org.legcds.assessment.ObservedPattern;
import org.legcds.assessment.Recommendation;
import org.legcds.assessment.RedFlag;
import org.legcds.assessment.RuleRef;
import org.legcds.assessment.TraceEntry;
import org.legcds.facts.Finding;
import org.legcds.vocabulary.FindingDefinition;

/**
 * The reasoning of one assessment as a layered graph, drawn as SVG: findings (present, absent, unknown) on the left,
 * then what the rules derived from them (distribution patterns, claudication clues), the conclusions (red flags, open
 * red-flag checks, claudication type, differential) and the next steps and urgency on the right. Each edge is labelled
 * with the rule ids that drew it; each node carries its rules and source claims in an SVG {@code <title>} (a tooltip
 * on hover, no script needed).
 *
 * <p>The layout is deterministic (same assessment, same bytes): columns by layer, nodes in the order of the assessment,
 * then each column after the first ordered by the mean position of its predecessors. An edge names the rules that
 * matched its source finding in the trace; where none did (a conclusion drawn through intermediate facts), it names
 * every rule of the conclusion.
 *
 * <p>Not thread-safe while being built; {@link #svg()} is pure.
 */
public final class ExplanationGraph {

    /** What a node stands for; decides its column and its look. */
    enum Kind {
        PRESENT(0, "present finding"), ABSENT(0, "absent finding"), UNKNOWN(0, "unknown finding"),
        CONFLICTING(0, "conflicting finding"),
        PATTERN(1, "distribution pattern"), CLUE_FOR(1, "claudication clue, for"),
        CLUE_AGAINST(1, "claudication clue, against"),
        RED_FLAG(2, "red flag"), OPEN_CHECK(2, "red-flag check not evaluated"), CLAUDICATION(2, "claudication type"),
        HYPOTHESIS(2, "hypothesis"),
        STEP(3, "next step"), URGENCY(3, "urgency");

        final int column;
        final String description;

        Kind(int column, String description) {
            this.column = column;
            this.description = description;
        }
    }

    /** How an edge is drawn. */
    enum Style {
        SUPPORTS, AGAINST, OPEN, RED_FLAG
    }

    record Node(String id, Kind kind, String title, List<String> titleLines, List<String> lines, String tooltip) {
    }

    record Edge(Node from, Node to, List<RuleRef> rules, Style style) {
    }

    static final int NODE_WIDTH = 230;
    static final int COLUMN_GAP = 190;
    static final int LINE_HEIGHT = 15;
    static final int PADDING = 8;
    static final int NODE_GAP = 14;
    static final int MARGIN = 20;
    static final int HEADER = 30;
    /** Characters per line at 12px sans-serif in {@link #NODE_WIDTH}; an estimate, so generous. */
    static final int WRAP = 34;
    static final String[] COLUMN_TITLES = {"Findings", "Derived", "Conclusions", "Next steps and urgency"};

    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<Edge> edges = new ArrayList<>();
    private final Map<String, Set<String>> matchedByRule = new HashMap<>();

    private ExplanationGraph() {
    }

    /**
     * The graph of an assessment, fully built.
     *
     * @param a an assessment
     * @return the graph
     */
    public static ExplanationGraph of(Assessment a) {
        ExplanationGraph graph = new ExplanationGraph();
        graph.build(a);
        return graph;
    }

    private void build(Assessment a) {
        for (TraceEntry t : a.trace()) {
            matchedByRule.computeIfAbsent(t.rule(), r -> new LinkedHashSet<>()).addAll(t.matched());
        }
        Node urgency = node("urgency", Kind.URGENCY, "Urgency: " + a.triage().level(),
                a.triage().setBy().isEmpty() ? "no red flag raised" : "set by the red flags",
                "Urgency " + a.triage().level());
        for (RedFlag flag : a.redFlags()) {
            Node n = node("flag:" + flag.check().id(), Kind.RED_FLAG, "RED FLAG: " + flag.label(),
                    flag.urgency() + ": " + flag.action(), tooltip("Red flag " + flag.label(), flag.because()),
                    flag.because());
            fromFindings(n, flag.because(), Style.RED_FLAG);
            if (a.triage().setBy().stream().anyMatch(c -> c.id().equals(flag.check().id()))) {
                edges.add(new Edge(n, urgency, flag.because().rules(), Style.RED_FLAG));
            }
        }
        for (NotEvaluated open : a.notEvaluated()) {
            Node n = node("open:" + open.check().id(), Kind.OPEN_CHECK, "Not evaluated: " + open.label(),
                    "ask or examine", tooltip("Red-flag check not evaluated: " + open.label(), open.because()),
                    open.because());
            fromFindings(n, open.because(), Style.OPEN);
            for (FindingDefinition code : open.unknownFindings()) {
                String id = code.id();
                Node unknown = node("finding:" + id + " unknown", Kind.UNKNOWN, "? " + id, "unknown",
                        id + " unknown: not recorded, so not taken as absent");
                edges.add(new Edge(unknown, n, open.because().rules(), Style.OPEN));
            }
        }
        List<Node> clues = new ArrayList<>();
        for (Clue clue : a.claudication().evidenceFor()) {
            clues.add(clue(clue, Kind.CLUE_FOR));
        }
        for (Clue clue : a.claudication().evidenceAgainst()) {
            clues.add(clue(clue, Kind.CLUE_AGAINST));
        }
        Node claudication = node("claudication", Kind.CLAUDICATION, "Claudication: " + a.claudication().type(), "",
                tooltip("Claudication " + a.claudication().type(), a.claudication().because()),
                a.claudication().because());
        Set<String> viaClues = new LinkedHashSet<>();
        for (Node clue : clues) {
            edges.add(new Edge(clue, claudication, a.claudication().because().rules(),
                    clue.kind() == Kind.CLUE_FOR ? Style.SUPPORTS : Style.AGAINST));
        }
        for (Clue clue : a.claudication().evidenceFor()) {
            clue.because().findings().forEach(f -> viaClues.add(f.describe()));
        }
        for (Clue clue : a.claudication().evidenceAgainst()) {
            clue.because().findings().forEach(f -> viaClues.add(f.describe()));
        }
        for (Finding f : a.claudication().because().findings()) {
            if (!viaClues.contains(f.describe())) {
                edge(finding(f), claudication, a.claudication().because(), Style.SUPPORTS);
            }
        }
        for (ObservedPattern p : a.patterns()) {
            Node n = node("pattern:" + p.pattern(), Kind.PATTERN, p.label(), "",
                    tooltip("Distribution " + p.label(), p.because()));
            fromFindings(n, p.because(), Style.SUPPORTS);
        }
        for (Hypothesis h : a.differential()) {
            Node n = node("hypothesis:" + h.condition().id(), Kind.HYPOTHESIS, h.tier() + ": " + h.label(),
                    String.valueOf(h.category()).toLowerCase(Locale.ROOT), tooltip("Hypothesis " + h.label()
                            + "\nbecause " + String.join("; ", h.reasons()), h.because()), h.because());
            fromFindings(n, h.because(), Style.SUPPORTS);
            for (Evidence against : h.findingsAgainst()) {
                for (Finding f : against.because().findings()) {
                    edge(finding(f), n, against.because(), Style.AGAINST);
                }
            }
        }
        for (Recommendation r : a.recommendations()) {
            Node n = node("step:" + r.step().id(), Kind.STEP, String.valueOf(r.kind()) + ": " + r.label(),
                    "why: " + r.reason(), tooltip(r.label() + "\nwhy: " + r.reason(), r.because()), r.because());
            fromFindings(n, r.because(), Style.SUPPORTS);
        }
    }

    private Node clue(Clue clue, Kind kind) {
        String direction = clue.direction().name().toLowerCase(Locale.ROOT) + " "
                + clue.mechanism().name().toLowerCase(Locale.ROOT);
        Node n = node("clue:" + clue.mechanism() + ":" + clue.direction() + ":" + clue.clue(), kind,
                (kind == Kind.CLUE_FOR ? "+ " : "- ") + direction, clue.clue(),
                tooltip("Clue " + direction + ": " + clue.clue(), clue.because()));
        fromFindings(n, clue.because(), kind == Kind.CLUE_FOR ? Style.SUPPORTS : Style.AGAINST);
        return n;
    }

    private void fromFindings(Node to, Explanation because, Style style) {
        for (Finding f : because.findings()) {
            edge(finding(f), to, because, style);
        }
    }

    /** An edge from a finding, labelled with the rules of the explanation that matched that finding. */
    private void edge(Node from, Node to, Explanation because, Style style) {
        String matched = from.tooltip().lines().findFirst().orElse("");
        List<RuleRef> direct = because.rules().stream()
                .filter(r -> matchedByRule.getOrDefault(r.id(), Set.of()).contains(matched)).toList();
        edges.add(new Edge(from, to, direct.isEmpty() ? because.rules() : direct, style));
    }

    private Node finding(Finding f) {
        String described = f.describe();
        Kind kind = switch (f.status().name()) {
            case "PRESENT" -> Kind.PRESENT;
            case "ABSENT" -> Kind.ABSENT;
            case "CONFLICTING" -> Kind.CONFLICTING;
            default -> Kind.UNKNOWN;
        };
        String id = String.valueOf(f.code());
        String prefix = switch (kind) {
            case ABSENT -> "\u2717 ";
            case UNKNOWN -> "? ";
            case CONFLICTING -> "\u2260 ";
            default -> "";
        };
        String rest = described.startsWith(id) ? described.substring(id.length()).strip() : described;
        return node("finding:" + described, kind, prefix + id, rest, described);
    }

    private Node node(String key, Kind kind, String title, String detail, String tooltip) {
        return nodes.computeIfAbsent(key, k -> new Node(k, kind, title, wrap(title), wrap(detail), tooltip));
    }

    /** A node for a conclusion: its detail ends with the rules that drew it, so it explains itself unconnected. */
    private Node node(String key, Kind kind, String title, String detail, String tooltip, Explanation because) {
        String rules = because.rules().isEmpty() ? "" : " [rule " + because.rules().stream().map(RuleRef::id)
                .collect(Collectors.joining(", ")) + "]";
        return node(key, kind, title, detail + rules, tooltip);
    }

    private static String tooltip(String what, Explanation because) {
        StringBuilder text = new StringBuilder(what);
        for (RuleRef rule : because.rules()) {
            text.append('\n').append(rule.id()).append(": ").append(rule.name()).append(" <- ")
                    .append(String.join(", ", rule.sources()));
        }
        if (!because.findings().isEmpty()) {
            text.append("\nfindings: ").append(because.findings().stream().map(Finding::describe)
                    .collect(Collectors.joining("; ")));
        }
        return text.toString();
    }

    static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            while (word.length() > WRAP) { // a word longer than a line (an id) is cut, never overflows
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                lines.add(word.substring(0, WRAP));
                word = word.substring(WRAP);
            }
            if (!line.isEmpty() && line.length() + 1 + word.length() > WRAP) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(word);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    List<Node> nodes() {
        return List.copyOf(nodes.values());
    }

    List<Edge> edges() {
        return List.copyOf(edges);
    }

    // ---- layout ----

    record Box(double x, double y, double width, double height) {
        double right() {
            return x + width;
        }

        double middle() {
            return y + height / 2;
        }
    }

    /** Positions of every node: columns by layer, ordered by the mean position of their neighbours. */
    Map<Node, Box> layout() {
        List<List<Node>> columns = new ArrayList<>();
        for (int i = 0; i < COLUMN_TITLES.length; i++) {
            columns.add(new ArrayList<>());
        }
        for (Node n : nodes.values()) {
            columns.get(n.kind().column).add(n); // every node is shown, the urgency even without a red flag
        }
        Map<Node, Integer> rank = new HashMap<>();
        order(columns, rank);
        // findings near what they lead to: order the first column by its successors, then the others again
        List<Node> first = new ArrayList<>(columns.get(0));
        Map<Node, Double> successors = new HashMap<>();
        for (Node n : first) {
            successors.put(n, edges.stream().filter(e -> e.from() == n).mapToInt(e -> rank.get(e.to()))
                    .average().orElse(Double.MAX_VALUE));
        }
        first.sort(Comparator.comparingDouble(successors::get)); // stable: ties keep assessment order
        columns.get(0).clear();
        columns.get(0).addAll(first);
        rank.clear();
        order(columns, rank);
        Map<Node, Box> boxes = new LinkedHashMap<>();
        int x = MARGIN;
        for (List<Node> column : columns) {
            if (column.isEmpty()) {
                continue;
            }
            double y = MARGIN + HEADER;
            for (Node n : column) {
                double height = PADDING * 2 + LINE_HEIGHT * (n.titleLines().size() + n.lines().size());
                boxes.put(n, new Box(x, y, NODE_WIDTH, height));
                y += height + NODE_GAP;
            }
            x += NODE_WIDTH + COLUMN_GAP;
        }
        return boxes;
    }

    /** Orders each column after the first by the mean rank of its predecessors, recording every node's rank. */
    private void order(List<List<Node>> columns, Map<Node, Integer> rank) {
        for (List<Node> column : columns) {
            if (!rank.isEmpty()) {
                Map<Node, Double> key = new HashMap<>();
                for (Node n : column) {
                    key.put(n, edges.stream().filter(e -> e.to() == n && rank.containsKey(e.from()))
                            .mapToInt(e -> rank.get(e.from())).average().orElse(Double.MAX_VALUE));
                }
                column.sort(Comparator.comparingDouble(key::get)); // stable: ties keep assessment order
            }
            for (int i = 0; i < column.size(); i++) {
                rank.put(column.get(i), i);
            }
        }
    }

    // ---- SVG ----

    /**
     * The graph as a standalone SVG document fragment, deterministic.
     *
     * @return the SVG text, {@code <svg>...</svg>}; every text from the input escaped
     */
    public String svg() {
        Map<Node, Box> boxes = layout();
        double width = boxes.values().stream().mapToDouble(Box::right).max().orElse(0) + MARGIN;
        double height = boxes.values().stream().mapToDouble(b -> b.y() + b.height()).max().orElse(0) + MARGIN;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"graph\" "
                + "viewBox=\"0 0 %s %s\" width=\"%s\" height=\"%s\" role=\"img\" "
                + "aria-label=\"Explanation graph: findings, rules and conclusions\" "
                + "font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n", n(width), n(height), n(width),
                n(height)));
        svg.append("<defs>\n");
        for (Style style : Style.values()) {
            svg.append(String.format(Locale.ROOT, "<marker id=\"arrow-%s\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\""
                    + " markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\""
                    + " fill=\"%s\"/></marker>\n", key(style), edgeColour(style)));
        }
        svg.append("</defs>\n");
        Set<Double> columnsSeen = new LinkedHashSet<>();
        for (Map.Entry<Node, Box> e : boxes.entrySet()) {
            if (columnsSeen.add(e.getValue().x())) {
                svg.append(String.format(Locale.ROOT, "<text class=\"column\" x=\"%s\" y=\"%s\" font-weight=\"bold\" "
                        + "font-size=\"14\" fill=\"#333\">%s</text>\n", n(e.getValue().x()), n(MARGIN + 14),
                        Html.escape(COLUMN_TITLES[e.getKey().kind().column])));
            }
        }
        svg.append("<g class=\"edges\">\n");
        List<String> labels = new ArrayList<>();
        for (Edge edge : edges) {
            Box from = boxes.get(edge.from());
            Box to = boxes.get(edge.to());
            double x1 = from.right();
            double y1 = from.middle();
            double x2 = to.x();
            double y2 = to.middle();
            double dx = Math.max(40, (x2 - x1) / 2);
            String rules = edge.rules().stream().map(RuleRef::id).collect(Collectors.joining(", "));
            String shown = edge.rules().size() <= 2 ? rules : edge.rules().get(0).id() + ", "
                    + edge.rules().get(1).id() + " +" + (edge.rules().size() - 2);
            String title = edge.from().title() + " -> " + edge.to().title() + "\n" + edge.rules().stream()
                    .map(r -> r.id() + ": " + r.name() + " <- " + String.join(", ", r.sources()))
                    .collect(Collectors.joining("\n"));
            svg.append(String.format(Locale.ROOT, "<g class=\"edge %s\" data-from=\"%s\" data-to=\"%s\" "
                            + "data-rules=\"%s\"><title>%s</title><path d=\"M%s,%s C%s,%s %s,%s %s,%s\" fill=\"none\" "
                            + "stroke=\"%s\" stroke-width=\"1.5\"%s marker-end=\"url(#arrow-%s)\"/></g>\n",
                    key(edge.style()), Html.escape(edge.from().id()), Html.escape(edge.to().id()), Html.escape(rules),
                    Html.escape(title), n(x1), n(y1), n(x1 + dx), n(y1), n(x2 - dx), n(y2), n(x2 - 2), n(y2),
                    edgeColour(edge.style()), edge.style() == Style.OPEN ? " stroke-dasharray=\"6 4\"" : "",
                    key(edge.style())));
            // the label sits in the gap just before the target column, where it cannot cover a node
            double t = solveX(x1, x1 + dx, x2 - dx, x2, x2 - COLUMN_GAP * 0.45);
            double ly = bezier(y1, y1, y2, y2, t);
            labels.add(String.format(Locale.ROOT, "<text class=\"rule\" x=\"%s\" y=\"%s\" text-anchor=\"middle\" "
                            + "font-size=\"10\" fill=\"%s\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">"
                            + "<title>%s</title>%s</text>\n", n(x2 - COLUMN_GAP * 0.45), n(ly + 3),
                    edgeColour(edge.style()), Html.escape(title), Html.escape(shown)));
        }
        svg.append("</g>\n<g class=\"nodes\">\n");
        for (Map.Entry<Node, Box> e : boxes.entrySet()) {
            node(svg, e.getKey(), e.getValue());
        }
        svg.append("</g>\n<g class=\"labels\">\n");
        labels.forEach(svg::append);
        svg.append("</g>\n</svg>\n");
        return svg.toString();
    }

    private static void node(StringBuilder svg, Node node, Box box) {
        Kind kind = node.kind();
        String fill = switch (kind) {
            case PRESENT -> "#e3f0fb";
            case ABSENT -> "#ffffff";
            case UNKNOWN -> "#f2f2f2";
            case CONFLICTING -> "#fff4d6";
            case PATTERN -> "#eef6ee";
            case CLUE_FOR -> "#e8f5e9";
            case CLUE_AGAINST -> "#fbeaea";
            case RED_FLAG -> "#d32f2f";
            case OPEN_CHECK -> "#fff8e1";
            case CLAUDICATION, HYPOTHESIS -> "#ede7f6";
            case STEP -> "#f5f5f5";
            case URGENCY -> "#fafafa";
        };
        String stroke = switch (kind) {
            case PRESENT -> "#1565c0";
            case ABSENT -> "#757575";
            case UNKNOWN -> "#9e9e9e";
            case CONFLICTING -> "#b26a00";
            case RED_FLAG -> "#8e0000";
            case OPEN_CHECK -> "#e65100";
            case CLUE_AGAINST -> "#c62828";
            case URGENCY -> "#333333";
            default -> "#607d8b";
        };
        boolean dashed = kind == Kind.UNKNOWN || kind == Kind.OPEN_CHECK;
        String text = kind == Kind.RED_FLAG ? "#ffffff" : kind == Kind.ABSENT || kind == Kind.UNKNOWN ? "#555" : "#111";
        svg.append(String.format(Locale.ROOT, "<g class=\"node %s\" data-id=\"%s\"><title>%s (%s)\n%s</title>"
                        + "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" rx=\"6\" fill=\"%s\" stroke=\"%s\" "
                        + "stroke-width=\"%s\"%s/>\n", key(kind), Html.escape(node.id()), Html.escape(node.title()),
                Html.escape(kind.description), Html.escape(node.tooltip()), n(box.x()), n(box.y()), n(box.width()),
                n(box.height()), fill, stroke, kind == Kind.RED_FLAG || kind == Kind.URGENCY ? "2.5" : "1.5",
                dashed ? " stroke-dasharray=\"5 3\"" : ""));
        double y = box.y() + PADDING + 12 - LINE_HEIGHT;
        for (String line : node.titleLines()) {
            y += LINE_HEIGHT;
            svg.append(String.format(Locale.ROOT, "<text x=\"%s\" y=\"%s\" font-weight=\"bold\" fill=\"%s\"%s>%s"
                            + "</text>\n", n(box.x() + PADDING), n(y), text,
                    kind == Kind.ABSENT ? " text-decoration=\"line-through\"" : "", Html.escape(line)));
        }
        for (String line : node.lines()) {
            y += LINE_HEIGHT;
            svg.append(String.format(Locale.ROOT, "<text x=\"%s\" y=\"%s\" fill=\"%s\"%s>%s</text>\n",
                    n(box.x() + PADDING), n(y), text, kind == Kind.UNKNOWN || kind == Kind.ABSENT
                            ? " font-style=\"italic\"" : "", Html.escape(line)));
        }
        svg.append("</g>\n");
    }

    static String edgeColour(Style style) {
        return switch (style) {
            case SUPPORTS -> "#455a64";
            case AGAINST -> "#c62828";
            case OPEN -> "#e65100";
            case RED_FLAG -> "#d32f2f";
        };
    }

    private static String key(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The parameter t at which a cubic's x (monotonic here) reaches x, by bisection. */
    private static double solveX(double p0, double p1, double p2, double p3, double x) {
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 40; i++) {
            double mid = (lo + hi) / 2;
            if (bezier(p0, p1, p2, p3, mid) < x) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    private static double bezier(double p0, double p1, double p2, double p3, double t) {
        double u = 1 - t;
        return u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3;
    }

    /** A coordinate with at most one decimal, in a locale-independent form, so output is byte-stable. */
    static String n(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        return rounded == Math.rint(rounded) ? Long.toString((long) rounded) : Double.toString(rounded);
    }
}
