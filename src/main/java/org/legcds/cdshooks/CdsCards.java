package org.legcds.cdshooks;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.legcds.assessment.Assessment;
import org.legcds.assessment.Evidence;
import org.legcds.assessment.Explanation;
import org.legcds.assessment.Hypothesis;
import org.legcds.assessment.KnowledgeBaseInfo;
import org.legcds.assessment.NotEvaluated;
import org.legcds.assessment.Priority;
import org.legcds.assessment.Question;
import org.legcds.assessment.Recommendation;
import org.legcds.assessment.RedFlag;
import org.legcds.assessment.RuleRef;
import org.legcds.assessment.Tier;
import org.legcds.facts.Case;
import org.legcds.facts.Finding;
import org.legcds.facts.Status;
import org.legcds.vocabulary.FindingDefinition;
import org.legcds.vocabulary.StepDefinition;
import org.legcds.vocabulary.StepKind;
import org.legcds.vocabulary.Urgency;
import org.legcds.vocabulary.Vocabulary;

/**
 * An assessment as CDS Hooks 2.0 cards. Stateless and thread-safe; the same assessment, patient, issues and response
 * seed always give the same cards, uuids included. The library never draws a random number or reads a clock: a card's
 * uuid is a name-based UUID of the response seed the host passes, the card's position in the response and its content.
 * So the uuids of one response are always distinct, and a host that passes a fresh seed per response (a service draws
 * a random UUID per call) gets uuids that tell every response apart, which feedback needs; a host that passes a
 * recorded seed replays the same uuids. Without a seed (the overloads without one) the uuids depend on the content
 * only, so two calls with the same data share them.
 *
 * <p>The cards, most urgent first:
 * <ol>
 *   <li>{@code critical}: one per red flag raised, naming its triggering findings, rules and source claims, and
 *       offering as draft orders the recommended tests that answer it (e.g. emergency MRI for cauda equina);</li>
 *   <li>{@code warning}: records that could not be read (when the host passes them); time-critical next steps not
 *       already on a red-flag card; one per red-flag check left open by unknown findings, saying what to ask or
 *       examine (unknown is not absent, so an open check is never silent);</li>
 *   <li>{@code info}: one per leading hypothesis (the strongest tier in the differential), with evidence for and
 *       against and the tests that would decide it as draft orders (e.g. ABI for peripheral artery disease); then the
 *       other next steps and the questions worth asking.</li>
 * </ol>
 * A test is offered as an order once, on the first card it belongs to. {@code {"cards": []}} means there is nothing to
 * say: no red flag, no open check, no hypothesis, no next step, no question and no unread record.
 *
 * <p>Each card's {@code source.topic} is the rule that drew its first item (system {@value #RULES_SYSTEM}, code = rule
 * id); suggestions create {@code ServiceRequest}s with status {@code draft} and intent {@code proposal}.
 */
public final class CdsCards {

    /** The code system of {@code source.topic}: legcds rule ids. */
    public static final String RULES_SYSTEM = "https://legcds.org/rules";

    /** The code system of the override reasons every card offers. */
    public static final String OVERRIDE_REASONS_SYSTEM = "https://legcds.org/override-reasons";

    /**
     * The reasons a clinician may give for dismissing a card, offered on every card as {@code overrideReasons} and
     * returned by the EHR in feedback ({@code overrideReason.reason}): what the knowledge base needs to learn from.
     */
    public static final List<Coding> OVERRIDE_REASONS = List.of(
            new Coding(OVERRIDE_REASONS_SYSTEM, "already-addressed", "Already assessed or acted on"),
            new Coding(OVERRIDE_REASONS_SYSTEM, "not-applicable", "Does not apply to this patient"),
            new Coding(OVERRIDE_REASONS_SYSTEM, "record-incorrect", "The record it rests on is wrong or out of date"),
            new Coding(OVERRIDE_REASONS_SYSTEM, "patient-declined", "Patient declined"),
            new Coding(OVERRIDE_REASONS_SYSTEM, "disagree", "Clinical judgement differs"));

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String DISCLAIMER = "*Decision support for a clinician, not a diagnosis.*";

    private CdsCards() {
    }

    /**
     * The cards for an assessment, with content-only uuids and the packaged vocabulary's labels.
     *
     * @param assessment the assessment
     * @param patientId  the patient's FHIR id (or {@code Patient/id}), subject of the draft orders
     * @return the cards, most urgent first
     * @throws IllegalArgumentException when {@code patientId} is blank
     */
    public static CardsResponse from(Assessment assessment, String patientId) {
        return from(assessment, patientId, List.of());
    }

    /**
     * The cards for an assessment, with a warning card listing the records the host could not read (e.g. a FHIR
     * reader's input issues, one sentence each), so that a clinician knows the assessment saw less than the chart.
     *
     * @param assessment    the assessment
     * @param patientId     the patient's FHIR id (or {@code Patient/id}), subject of the draft orders
     * @param unreadRecords what could not be read, one line each; empty when everything was read
     * @return the cards, most urgent first
     * @throws IllegalArgumentException when {@code patientId} is blank or an unread record is blank
     */
    public static CardsResponse from(Assessment assessment, String patientId, List<String> unreadRecords) {
        return from(assessment, patientId, unreadRecords, "");
    }

    /**
     * The cards for an assessment, with uuids seeded per response: the form a CDS service uses, so that feedback can
     * tell the cards of two calls apart.
     *
     * @param assessment    the assessment
     * @param patientId     the patient's FHIR id (or {@code Patient/id}), subject of the draft orders
     * @param unreadRecords what could not be read, one line each; empty when everything was read
     * @param responseSeed  what makes this response's uuids its own, e.g. a random UUID the host draws per call (the
     *                      library draws none) or a recorded one to replay a response; empty gives content-only uuids
     * @return the cards, most urgent first
     * @throws IllegalArgumentException as {@link #from(Assessment, String, List)}
     */
    public static CardsResponse from(Assessment assessment, String patientId, List<String> unreadRecords,
                                     String responseSeed) {
        requireNonNull(assessment, "assessment must not be null");
        Text.requireText(patientId, "patientId");
        requireNonNull(unreadRecords, "unreadRecords must not be null (pass an empty list)");
        unreadRecords.forEach(r -> Text.requireText(r, "unread record"));
        return from(assessment, patientId, unreadRecords, responseSeed, Vocabulary.packaged());
    }

    /**
     * As {@link #from(Assessment, String, List, String)}, for an assessment by a knowledge base with its own vocabulary
     * (a rules directory): its labels name the findings on the cards.
     *
     * @param assessment    the assessment
     * @param patientId     the patient's FHIR id (or {@code Patient/id}), subject of the draft orders
     * @param unreadRecords what could not be read, one line each; empty when everything was read
     * @param responseSeed  what makes this response's uuids its own; empty gives content-only uuids
     * @param vocabulary    the vocabulary of the knowledge base that made the assessment
     * @return the cards, most urgent first
     * @throws IllegalArgumentException as {@link #from(Assessment, String, List)}
     */
    public static CardsResponse from(Assessment assessment, String patientId, List<String> unreadRecords,
                                     String responseSeed, Vocabulary vocabulary) {
        requireNonNull(assessment, "assessment must not be null");
        Text.requireText(patientId, "patientId");
        requireNonNull(unreadRecords, "unreadRecords must not be null (pass an empty list)");
        unreadRecords.forEach(r -> Text.requireText(r, "unread record"));
        requireNonNull(responseSeed, "responseSeed must not be null (pass \"\" for content-only uuids)");
        requireNonNull(vocabulary, "vocabulary must not be null");
        return new Writer(assessment, patientId, unreadRecords, responseSeed, vocabulary).write();
    }

    /**
     * Whether a chart holds a presentation the packaged knowledge base is for ({@link Vocabulary#presentations()}):
     * a service answers {@code {"cards": []}} when it does not, so that decision support is quiet on every other chart.
     *
     * @param patientCase the case read from the chart
     * @return true if a presentation is recorded present or conflicting
     */
    public static boolean relevant(Case patientCase) {
        return relevant(patientCase, Vocabulary.packaged());
    }

    /**
     * As {@link #relevant(Case)}, for a knowledge base with its own vocabulary.
     *
     * @param patientCase the case read from the chart
     * @param vocabulary  the knowledge base's vocabulary
     * @return true if one of its presentations is recorded present or conflicting
     */
    public static boolean relevant(Case patientCase, Vocabulary vocabulary) {
        requireNonNull(patientCase, "patientCase must not be null");
        requireNonNull(vocabulary, "vocabulary must not be null");
        return patientCase.findings().stream().anyMatch(f -> f.positive() && vocabulary.isPresentation(f.code()));
    }

    /**
     * The response that shows nothing: for a chart without a presentation the knowledge base is for.
     *
     * @return {@code {"cards": []}}
     */
    public static CardsResponse none() {
        return new CardsResponse(List.of());
    }

    /**
     * The response as JSON, exactly as a CDS Service returns it: no null or empty fields.
     *
     * @param response the response
     * @return the JSON text
     * @throws UncheckedIOException if Jackson cannot write it (a bug, not bad input)
     */
    public static String toJson(CardsResponse response) {
        try {
            return MAPPER.writeValueAsString(response);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the cards as JSON", e);
        }
    }

    /**
     * The mapper that writes cards (thread-safe; do not reconfigure it).
     *
     * @return the shared mapper
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Builds one response; not shared. */
    private static final class Writer {
        private final Assessment assessment;
        private final String patientReference;
        private final String patientId;
        private final List<String> unreadRecords;
        private final Map<StepDefinition, Recommendation> recommended = new TreeMap<>();
        private final Set<StepDefinition> offered = new HashSet<>();
        private final Map<FindingDefinition, Question> questions = new TreeMap<>();
        private final Source plainSource;
        private final Vocabulary vocabulary;
        private final String responseSeed;
        private int position;

        Writer(Assessment assessment, String patientId, List<String> unreadRecords, String responseSeed,
               Vocabulary vocabulary) {
            this.assessment = assessment;
            this.responseSeed = responseSeed;
            this.vocabulary = vocabulary;
            this.patientId = patientId;
            this.patientReference = patientId.startsWith("Patient/") ? patientId : "Patient/" + patientId;
            this.unreadRecords = List.copyOf(unreadRecords);
            assessment.recommendations().forEach(r -> recommended.putIfAbsent(r.step(), r));
            assessment.questions().forEach(q -> questions.putIfAbsent(q.finding(), q));
            this.plainSource = new Source(sourceLabel(assessment.knowledgeBase()), null, null);
        }

        CardsResponse write() {
            List<Card> cards = new ArrayList<>();
            assessment.redFlags().forEach(flag -> cards.add(redFlag(flag)));
            if (!unreadRecords.isEmpty()) {
                cards.add(unread());
            }
            urgentSteps().ifPresent(cards::add);
            screening().ifPresent(cards::add);
            leadingHypotheses().forEach(h -> cards.add(hypothesis(h)));
            nextSteps().ifPresent(cards::add);
            return new CardsResponse(cards);
        }

        // --- the cards ------------------------------------------------------------------------------------------

        private Card redFlag(RedFlag flag) {
            String summary = flag.label() + " suspected (" + lower(flag.urgency().name()) + "): " + flag.action();
            StringBuilder detail = new StringBuilder()
                    .append("**Red flag: ").append(md(flag.label())).append("** (").append(lower(flag.urgency().name()))
                    .append(")\n\n**Act:** ").append(md(flag.action())).append("\n\n");
            findings(detail, "Triggering findings", flag.because().findings());
            rules(detail, flag.because());
            List<Recommendation> orders = takeOrderable(r -> r.step().orderable()
                    .map(o -> o.answers().contains(flag.check().id())).orElse(false));
            return card(Card.Indicator.CRITICAL, summary, detail, flag.because(), orders);
        }

        private Card unread() {
            String summary = unreadRecords.size() == 1 ? "1 record could not be read: check it in the chart"
                    : unreadRecords.size() + " records could not be read: check them in the chart";
            StringBuilder detail = new StringBuilder("Some records could not be read, so the assessment did not see "
                    + "them. Check them in the chart; a finding that was not read counts as unknown, never as "
                    + "absent.\n\n");
            unreadRecords.forEach(r -> detail.append("- ").append(md(r)).append('\n'));
            detail.append('\n');
            return card(Card.Indicator.WARNING, summary, detail, null, List.of());
        }

        private Optional<Card> urgentSteps() {
            List<Recommendation> urgent = assessment.recommendations().stream()
                    .filter(r -> r.step().timeCritical() && !offered.contains(r.step())).toList();
            if (urgent.isEmpty()) {
                return Optional.empty();
            }
            String summary = "Urgent next steps: " + urgent.stream().map(Recommendation::label)
                    .collect(Collectors.joining("; "));
            StringBuilder detail = new StringBuilder("**Urgent next steps**\n\n");
            urgent.forEach(r -> recommendation(detail, r));
            detail.append('\n');
            rules(detail, merged(urgent.stream().map(Recommendation::because).toList()));
            List<Recommendation> orders = takeOrderable(urgent::contains);
            return Optional.of(card(Card.Indicator.WARNING, summary, detail, urgent.get(0).because(),
                    orders));
        }

        /**
         * One card for every red-flag check left open (never one per check: a chart that opens the record should not
         * meet six warnings): the questions in clinician words, the most dangerous check first. A warning when a check
         * stays open at a raised urgency (cauda equina not excluded in sciatica of both legs), information otherwise.
         */
        private Optional<Card> screening() {
            List<NotEvaluated> open = assessment.notEvaluated().stream()
                    .sorted(Comparator.comparingInt((NotEvaluated n) -> n.check().priority())
                            .thenComparing(NotEvaluated::check))
                    .toList();
            if (open.isEmpty()) {
                return Optional.empty();
            }
            int asks = (int) open.stream().flatMap(n -> n.unknownFindings().stream()).distinct().count();
            boolean raised = open.stream().anyMatch(n -> n.atLeast() != Urgency.ROUTINE);
            String checks = open.stream().map(n -> lowerFirst(n.label())).collect(Collectors.joining(", "));
            String summary = "Screen for red flags (" + asks + (asks == 1 ? " question" : " questions") + "): " + checks;
            if (summary.length() >= Card.SUMMARY_LIMIT) {
                summary = "Screen for red flags: " + asks + (asks == 1 ? " question" : " questions") + ", "
                        + open.size() + " checks, " + lowerFirst(open.get(0).label()) + " first";
            }
            StringBuilder detail = new StringBuilder()
                    .append("**Screen for red flags**\n\n")
                    .append("These red-flag checks could not be decided because their findings are not recorded "
                            + "(unknown is not absent). Ask or examine, the most dangerous first, then record the "
                            + "answers.\n\n");
            Set<FindingDefinition> asked = new HashSet<>();
            for (NotEvaluated check : open) {
                detail.append("**").append(md(check.label())).append("**");
                if (check.atLeast() != Urgency.ROUTINE) {
                    detail.append(" (").append(lower(check.atLeast().name())).append(" until answered)");
                }
                detail.append("\n\n");
                for (FindingDefinition finding : check.unknownFindings()) {
                    if (!asked.add(finding)) {
                        continue;
                    }
                    detail.append("- ").append(md(finding.label()));
                    Question question = questions.get(finding);
                    if (question != null) {
                        detail.append(": ").append(md(question.why()));
                    }
                    detail.append('\n');
                }
                detail.append('\n');
            }
            Explanation because = merged(open.stream().map(NotEvaluated::because).toList());
            rules(detail, because);
            return Optional.of(card(raised ? Card.Indicator.WARNING : Card.Indicator.INFO, summary, detail,
                    open.get(0).because(), List.of()));
        }

        private List<Hypothesis> leadingHypotheses() {
            if (assessment.differential().isEmpty()) {
                return List.of();
            }
            Tier leading = assessment.differential().get(0).tier();
            return assessment.differential().stream().filter(h -> h.tier() == leading).toList();
        }

        private Card hypothesis(Hypothesis h) {
            Set<String> deciding = new LinkedHashSet<>(h.condition().decidedBy());
            String tier = tierName(h.tier());
            String summary = tier + ": " + h.label() + (h.wouldDecide().isEmpty() ? ""
                    : ". Would decide: " + h.wouldDecide().stream().map(c -> lowerFirst(c.label()))
                    .collect(Collectors.joining("; ")));
            if (summary.length() >= Card.SUMMARY_LIMIT) {
                summary = tier + ": " + h.label();
            }
            StringBuilder detail = new StringBuilder()
                    .append("**").append(tier).append(": ").append(md(h.label())).append("** (")
                    .append(lower(h.category().name())).append(" cause)\n\n");
            list(detail, "Evidence for", h.reasons().stream().map(CdsCards::md).toList());
            findings(detail, "Findings it rests on", h.findingsFor());
            list(detail, "Evidence against", h.findingsAgainst().isEmpty() ? List.of("none recorded")
                    : h.findingsAgainst().stream().map(Writer::evidence).toList());
            if (!h.wouldDecide().isEmpty()) {
                list(detail, "Would decide (unknown now)", h.wouldDecide().stream()
                        .map(c -> md(c.label())).toList());
            }
            List<String> others = assessment.differential().stream().filter(o -> o != h)
                    .map(o -> tierName(o.tier()) + ": " + md(o.label())).toList();
            if (!others.isEmpty()) {
                list(detail, "Also in the differential", others);
            }
            rules(detail, h.because());
            List<Recommendation> orders = takeOrderable(r -> r.step().orderable()
                    .map(o -> o.measures().stream().anyMatch(deciding::contains)).orElse(false));
            return card(Card.Indicator.INFO, summary, detail, h.because(), orders);
        }

        private Optional<Card> nextSteps() {
            List<Recommendation> steps = assessment.recommendations().stream()
                    .filter(r -> !r.step().timeCritical()).toList();
            // red-flag questions are on the open-check cards; any not covered there is asked here, never dropped
            Set<FindingDefinition> onCheckCards = assessment.notEvaluated().stream().flatMap(n -> n.unknownFindings().stream())
                    .collect(Collectors.toSet());
            List<Question> asks = assessment.questions().stream()
                    .filter(q -> q.priority() == Priority.CLASSIFICATION || q.priority() == Priority.CAUSE
                            || !onCheckCards.contains(q.finding())).toList();
            if (steps.isEmpty() && asks.isEmpty()) {
                return Optional.empty();
            }
            String summary;
            if (steps.isEmpty()) {
                summary = asks.size() == 1 ? "1 question worth asking" : asks.size() + " questions worth asking";
            } else {
                Map<StepKind, Long> kinds = steps.stream().collect(Collectors.groupingBy(Recommendation::kind,
                        () -> new EnumMap<>(StepKind.class), Collectors.counting()));
                summary = "Next steps: " + kinds.entrySet().stream()
                        .map(e -> e.getValue() + " " + kindName(e.getKey(), e.getValue()))
                        .collect(Collectors.joining(", "))
                        + (asks.isEmpty() ? "" : "; " + asks.size() + (asks.size() == 1 ? " question" : " questions"));
            }
            StringBuilder detail = new StringBuilder();
            for (StepKind kind : StepKind.values()) {
                List<Recommendation> ofKind = steps.stream().filter(r -> r.kind() == kind).toList();
                if (!ofKind.isEmpty()) {
                    detail.append("**").append(kindName(kind, 2).substring(0, 1).toUpperCase())
                            .append(kindName(kind, 2).substring(1)).append("**\n\n");
                    ofKind.forEach(r -> recommendation(detail, r));
                    detail.append('\n');
                }
            }
            if (!asks.isEmpty()) {
                list(detail, "Questions worth asking", asks.stream().map(q -> md(q.label()) + ": " + md(q.why()))
                        .toList());
            }
            List<Explanation> because = new ArrayList<>(steps.stream().map(Recommendation::because).toList());
            asks.forEach(q -> because.add(q.because()));
            Explanation all = merged(because);
            rules(detail, all);
            List<Recommendation> orders = takeOrderable(steps::contains);
            return Optional.of(card(Card.Indicator.INFO, summary, detail,
                    steps.isEmpty() ? asks.get(0).because() : steps.get(0).because(), orders));
        }

        // --- card assembly --------------------------------------------------------------------------------------

        private Card card(Card.Indicator indicator, String summary, StringBuilder detail, Explanation topicOf,
                          List<Recommendation> orders) {
            detail.append(DISCLAIMER).append(" Knowledge base: ").append(md(sourceLabel(assessment.knowledgeBase())))
                    .append(", rules ").append(code(shortHash(assessment.knowledgeBase().contentHash()))).append('.');
            String text = detail.toString();
            String shortSummary = shorten(summary);
            Source source = plainSource;
            if (topicOf != null && !topicOf.rules().isEmpty()) {
                RuleRef rule = topicOf.rules().get(0);
                source = new Source(plainSource.label(), null, new Coding(RULES_SYSTEM, rule.id(), rule.name()));
            }
            String uuid = uuid(String.join("\u0000", "card", responseSeed, String.valueOf(position++), patientId,
                    indicator.json(),
                    source.topic() == null ? "" : source.topic().code(), shortSummary, text,
                    orders.stream().map(r -> r.step().id()).collect(Collectors.joining(","))));
            List<Suggestion> suggestions = orders.stream().map(r -> suggestion(uuid, r)).toList();
            return new Card(uuid, shortSummary, text, indicator, source, suggestions,
                    suggestions.isEmpty() ? null : Card.SelectionBehavior.ANY, List.of(), OVERRIDE_REASONS);
        }

        private String uuid(String content) {
            KnowledgeBaseInfo kb = assessment.knowledgeBase();
            String seed = String.join("\u0000", kb.contentHash(), assessment.evaluationDate().toString(), content);
            return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
        }

        /** The recommended orderable tests matching {@code belongs}, not yet offered; marks them offered. */
        private List<Recommendation> takeOrderable(Predicate<Recommendation> belongs) {
            List<Recommendation> taken = new ArrayList<>();
            for (Recommendation r : assessment.recommendations()) {
                if (r.step().orderable().isPresent() && !offered.contains(r.step()) && belongs.test(r)) {
                    offered.add(r.step());
                    taken.add(r);
                }
            }
            return taken;
        }

        private Suggestion suggestion(String cardUuid, Recommendation r) {
            StepDefinition.Order orderable = r.step().orderable().orElseThrow();
            List<Action> actions = orderable.items().stream().map(order -> new Action(Action.Type.CREATE,
                    "Draft order (proposal): " + order.text(), serviceRequest(order, orderable, r))).toList();
            String label = "Order: " + r.label();
            return new Suggestion(label, UUID.nameUUIDFromBytes((cardUuid + "\u0000" + r.step().id())
                    .getBytes(StandardCharsets.UTF_8)).toString(), Boolean.TRUE, actions);
        }

        private ObjectNode serviceRequest(StepDefinition.OrderItem order, StepDefinition.Order orderable,
                                          Recommendation r) {
            ObjectNode request = NODES.objectNode();
            request.put("resourceType", "ServiceRequest");
            request.put("status", "draft");
            request.put("intent", "proposal");
            request.put("priority", orderable.priority());
            ObjectNode code = request.putObject("code");
            if (order.code() != null) {
                ObjectNode coding = code.putArray("coding").addObject();
                coding.put("system", order.code().system());
                coding.put("code", order.code().code());
                coding.put("display", order.display());
            }
            code.put("text", order.text());
            request.putObject("subject").put("reference", patientReference);
            request.putArray("reasonCode").addObject().put("text", r.reason());
            ArrayNode notes = request.putArray("note");
            notes.addObject().put("text", "Proposed by legcds (" + rulesAndSources(r.because())
                    + "): decision support for a clinician, not a diagnosis.");
            return request;
        }

        // --- Markdown pieces ------------------------------------------------------------------------------------

        private void findings(StringBuilder detail, String title, List<Finding> findings) {
            if (!findings.isEmpty()) {
                list(detail, title, findings.stream().map(f -> finding(f, vocabulary)).toList());
            }
        }

        private static void rules(StringBuilder detail, Explanation because) {
            if (!because.rules().isEmpty()) {
                list(detail, "Rules and source claims", because.rules().stream().map(rule -> code(rule.id()) + " "
                        + md(rule.name()) + (rule.sources().isEmpty() ? ""
                        : " (sources: " + String.join(", ", rule.sources()) + ")")).toList());
            }
        }

        private static void recommendation(StringBuilder detail, Recommendation r) {
            detail.append("- ").append(md(r.label())).append(": ").append(md(r.reason())).append(" [")
                    .append(r.because().rules().stream().map(rule -> code(rule.id())).collect(Collectors.joining(", ")))
                    .append("]\n");
        }

        private static String evidence(Evidence e) {
            return md(e.reason()) + (e.because().rules().isEmpty() ? "" : " [" + e.because().rules().stream()
                    .map(rule -> code(rule.id())).collect(Collectors.joining(", ")) + "]");
        }

        private static void list(StringBuilder detail, String title, List<String> items) {
            detail.append("**").append(title).append("**\n\n");
            items.forEach(item -> detail.append("- ").append(item).append('\n'));
            detail.append('\n');
        }

        private static Explanation merged(List<Explanation> explanations) {
            Map<String, RuleRef> rules = new LinkedHashMap<>();
            Set<Finding> findings = new LinkedHashSet<>();
            for (Explanation e : explanations) {
                e.rules().forEach(rule -> rules.putIfAbsent(rule.id(), rule));
                findings.addAll(e.findings());
            }
            return new Explanation(List.copyOf(rules.values()), List.copyOf(findings));
        }

        private static String rulesAndSources(Explanation because) {
            return because.rules().stream().map(rule -> "rule " + rule.id()
                    + (rule.sources().isEmpty() ? "" : " <- " + String.join(", ", rule.sources())))
                    .collect(Collectors.joining("; "));
        }

        private static String sourceLabel(KnowledgeBaseInfo kb) {
            return kb.name() + " " + kb.version() + ("production".equals(kb.status()) ? "" : " (" + kb.status() + ")");
        }

        private static String shortHash(String contentHash) {
            String hex = contentHash.substring(contentHash.indexOf(':') + 1);
            return hex.length() > 12 ? hex.substring(0, 12) : hex;
        }

        private static String tierName(Tier tier) {
            return tier == Tier.LIKELY ? "Likely" : "Possible";
        }

        private static String kindName(StepKind kind, long count) {
            String name = switch (kind) {
                case EXAMINATION -> "examination";
                case TEST -> "test";
                case MANAGEMENT -> "management step";
                case REFERRAL -> "referral";
                case CAUTION -> "caution";
            };
            return count == 1 ? name : name + "s";
        }
    }

    // --- text ---------------------------------------------------------------------------------------------------

    /** A summary shortened at a word boundary to fewer than {@link Card#SUMMARY_LIMIT} characters. */
    static String shorten(String summary) {
        if (summary.length() < Card.SUMMARY_LIMIT) {
            return summary;
        }
        // the kept text, a space and "..." must stay below the limit: at most SUMMARY_LIMIT - 5 characters are kept
        int cut = summary.lastIndexOf(' ', Card.SUMMARY_LIMIT - 5);
        return summary.substring(0, cut > 0 ? cut : Card.SUMMARY_LIMIT - 5).replaceAll("[;:,.]$", "") + " ...";
    }

    /** A finding as a readable Markdown line: label, status and the qualifiers recorded (no internal code). */
    static String finding(Finding f, Vocabulary vocabulary) {
        String label = vocabulary.finding(f.code()).map(FindingDefinition::label).orElse(f.code());
        StringBuilder text = new StringBuilder(md(label))
                .append(": ").append(f.status() == Status.PRESENT && f.value() != null ? "measured"
                        : lower(f.status().name()));
        if (f.value() != null) {
            text.append(' ').append(f.value()).append(' ').append(md(f.unit()));
        }
        if (f.laterality() != null) {
            text.append(", ").append(lower(f.laterality().name()));
        }
        if (f.onset() != null) {
            text.append(", ").append(lower(f.onset().name())).append(" onset");
        }
        if (!f.triggers().isEmpty()) {
            text.append(", brought on by ").append(f.triggers().stream().map(t -> lower(t).replace('_', ' '))
                    .collect(Collectors.joining(", ")));
        }
        if (!f.reliefs().isEmpty()) {
            text.append(", relieved by ").append(f.reliefs().stream().map(r -> lower(r).replace('_', ' '))
                    .collect(Collectors.joining(", ")));
        }
        return text.toString();
    }

    /** Free text made safe for GitHub-flavoured Markdown: the characters that would format it are escaped. */
    static String md(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if ("\\`*_[]<|".indexOf(c) >= 0) { // ">" and "#" only format at a line start, which md text never is
                escaped.append('\\');
            }
            if (c == '\n' || c == '\r' || c == '\t') {
                escaped.append(' ');
            } else if (org.legcds.problems.Escaping.unsafe(c)) {
                escaped.append('\uFFFD'); // controls, bidi overrides, zero-width and separators: no forged or reordered text
            } else {
                escaped.appendCodePoint(c);
            }
        });
        return escaped.toString();
    }

    private static String code(String text) {
        return "`" + text.replace("`", "'") + "`";
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static String lowerFirst(String label) {
        // "Foot or leg cold" -> "foot or leg cold", but "MRI or CT shows" stays as it is
        boolean word = label.length() > 1 && Character.isLowerCase(label.charAt(1));
        return word ? Character.toLowerCase(label.charAt(0)) + label.substring(1) : label;
    }
}
