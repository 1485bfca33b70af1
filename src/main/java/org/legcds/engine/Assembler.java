package org.legcds.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kie.api.runtime.KieSession;
import org.legcds.assessment.Assessment;
import org.legcds.assessment.CauseCategories;
import org.legcds.assessment.ClaudicationAssessment;
import org.legcds.assessment.ClaudicationType;
import org.legcds.assessment.Clue;
import org.legcds.assessment.Direction;
import org.legcds.assessment.Evidence;
import org.legcds.assessment.Explanation;
import org.legcds.assessment.Hypothesis;
import org.legcds.assessment.Mechanism;
import org.legcds.assessment.NotEvaluated;
import org.legcds.assessment.ObservedPattern;
import org.legcds.assessment.Question;
import org.legcds.assessment.Recommendation;
import org.legcds.assessment.RedFlag;
import org.legcds.assessment.RuleRef;
import org.legcds.assessment.Tier;
import org.legcds.assessment.Triage;
import org.legcds.conclusions.CheckOpen;
import org.legcds.conclusions.ClaudicationClue;
import org.legcds.conclusions.ClaudicationConcluded;
import org.legcds.conclusions.EvidenceAgainst;
import org.legcds.conclusions.HypothesisRaised;
import org.legcds.conclusions.PatternFound;
import org.legcds.conclusions.QuestionRaised;
import org.legcds.conclusions.Recommended;
import org.legcds.conclusions.RedFlagRaised;
import org.legcds.facts.Finding;
import org.legcds.vocabulary.CauseCategory;
import org.legcds.vocabulary.ConditionDefinition;
import org.legcds.vocabulary.FindingDefinition;
import org.legcds.vocabulary.RedFlagCheckDefinition;
import org.legcds.vocabulary.Urgency;
import org.legcds.vocabulary.Vocabulary;

/**
 * Reads the conclusions standing in a session's working memory into an {@link Assessment}, attaching each one's
 * explanation and putting every list in a deterministic order. Holds no clinical logic: every conclusion comes from a
 * rule; this class only groups, orders and explains.
 */
final class Assembler {

    /** Findings in vocabulary order, then by side. */
    private final Comparator<Finding> findingOrder;

    private final Recorder recorder;
    /** Working memory read once, by class: a filtered read per conclusion class cost a scan each. */
    private final Map<Class<?>, List<Object>> byClass = new HashMap<>();
    private final Set<String> knownCodes;
    private final Vocabulary vocabulary;
    private final Map<String, Integer> findingOrders = new HashMap<>();

    Assembler(KieSession session, Recorder recorder, Vocabulary vocabulary) {
        this.recorder = recorder;
        this.vocabulary = vocabulary;
        this.findingOrder = Comparator.comparingInt(this::order)
                .thenComparingInt(f -> f.laterality() == null ? -1 : f.laterality().ordinal());
        for (Object fact : session.getObjects()) {
            byClass.computeIfAbsent(fact.getClass(), c -> new ArrayList<>()).add(fact);
        }
        this.knownCodes = facts(Finding.class).stream().filter(Finding::known).map(Finding::code)
                .collect(Collectors.toSet());
    }

    Assessment assemble(KnowledgeBase knowledgeBase, LocalDate evaluationDate) {
        List<RedFlag> redFlags = redFlags();
        List<NotEvaluated> open = notEvaluated();
        List<Hypothesis> differential = differential();
        return new Assessment(triage(redFlags, open), redFlags, open, claudication(), patterns(),
                causeCategories(differential), differential, recommendations(), questions(), recorder.trace(),
                knowledgeBase.info(), evaluationDate);
    }

    /** The most urgent of the red flags and of the checks left open at a raised urgency (a red flag wins a tie). */
    private Triage triage(List<RedFlag> redFlags, List<NotEvaluated> open) {
        Urgency level = java.util.stream.Stream.concat(redFlags.stream().map(RedFlag::urgency),
                open.stream().map(NotEvaluated::atLeast)).min(Comparator.naturalOrder()).orElse(Urgency.ROUTINE);
        if (level == Urgency.ROUTINE) {
            return new Triage(level, List.of());
        }
        List<RedFlagCheckDefinition> setBy = java.util.stream.Stream.concat(
                redFlags.stream().filter(r -> r.urgency() == level).map(RedFlag::check),
                open.stream().filter(n -> n.atLeast() == level).map(NotEvaluated::check)).distinct().toList();
        return new Triage(level, setBy);
    }

    private List<RedFlag> redFlags() {
        Map<RedFlagCheckDefinition, List<RedFlagRaised>> byCheck = group(facts(RedFlagRaised.class),
                r -> vocabulary.requireCheck(r.check()));
        List<RedFlag> flags = new ArrayList<>();
        byCheck.forEach((check, raised) -> {
            Urgency urgency = raised.stream().map(RedFlagRaised::urgency).min(Comparator.naturalOrder()).orElseThrow();
            // the safety gate checks at load that every check has an action for each urgency its rules raise it at
            String action = check.action(urgency).orElse(check.label() + ": act with " + urgency.name().toLowerCase(
                    java.util.Locale.ROOT) + " urgency");
            flags.add(new RedFlag(check, check.label(), urgency, action, explain(raised)));
        });
        flags.sort(Comparator.comparing(RedFlag::urgency).thenComparing(RedFlag::check));
        return flags;
    }

    private List<NotEvaluated> notEvaluated() {
        Map<RedFlagCheckDefinition, List<CheckOpen>> byCheck = group(facts(CheckOpen.class),
                c -> vocabulary.requireCheck(c.check()));
        List<NotEvaluated> open = new ArrayList<>();
        byCheck.forEach((check, items) -> open.add(new NotEvaluated(check, check.label(),
                items.stream().map(CheckOpen::unknown).distinct().map(vocabulary::requireFinding).sorted().toList(),
                items.stream().map(CheckOpen::atLeast).min(Comparator.naturalOrder()).orElse(Urgency.ROUTINE),
                explain(items))));
        return open;
    }

    private ClaudicationAssessment claudication() {
        List<ClaudicationConcluded> concluded = facts(ClaudicationConcluded.class);
        if (concluded.size() > 1) {
            throw new IllegalStateException("the claudication rules concluded more than one type: " + concluded
                    + "; the classification rules must be mutually exclusive");
        }
        if (concluded.isEmpty()) {
            throw new IllegalStateException("no claudication rule concluded; the classification rules must cover "
                    + "every case (CLAUD-TYPE-04 and CLAUD-TYPE-05 are complements)");
        }
        ClaudicationType type = concluded.get(0).type();
        List<Clue> supporting = new ArrayList<>();
        List<Clue> weighing = new ArrayList<>();
        List<ClaudicationClue> clues = facts(ClaudicationClue.class).stream()
                .sorted(Comparator.comparing(ClaudicationClue::mechanism).thenComparing(ClaudicationClue::direction)
                        .thenComparing(ClaudicationClue::clue))
                .toList();
        for (ClaudicationClue clue : clues) {
            Clue item = new Clue(clue.mechanism(), clue.direction(), clue.clue(), explain(List.of(clue)));
            if (supports(type, clue)) {
                supporting.add(item);
            } else {
                weighing.add(item);
            }
        }
        return new ClaudicationAssessment(type, supporting, weighing, explain(concluded));
    }

    /** Whether a clue speaks for the concluded type (for VASCULAR: vascular-for or neurogenic-against, and so on). */
    private static boolean supports(ClaudicationType type, ClaudicationClue clue) {
        boolean isFor = clue.direction() == Direction.FOR;
        return switch (type) {
            case VASCULAR -> (clue.mechanism() == Mechanism.VASCULAR) == isFor;
            case NEUROGENIC -> (clue.mechanism() == Mechanism.NEUROGENIC) == isFor;
            case MIXED, INDETERMINATE, NONE -> isFor;
        };
    }

    private List<ObservedPattern> patterns() {
        return group(facts(PatternFound.class), PatternFound::pattern).entrySet().stream()
                .map(e -> new ObservedPattern(e.getKey(), e.getKey().label(), explain(e.getValue())))
                .toList();
    }

    private List<Hypothesis> differential() {
        Map<String, List<EvidenceAgainst>> against = group(facts(EvidenceAgainst.class), EvidenceAgainst::condition);
        List<Hypothesis> hypotheses = new ArrayList<>();
        group(facts(HypothesisRaised.class), h -> vocabulary.requireCondition(h.condition())).forEach((condition, raised) -> {
            Tier tier = raised.stream().map(HypothesisRaised::tier).min(Comparator.naturalOrder()).orElseThrow();
            List<String> reasons = List.copyOf(distinctSorted(raised, HypothesisRaised::reason));
            Explanation because = explain(raised);
            List<Evidence> counter = against.getOrDefault(condition.id(), List.of()).stream()
                    .sorted(Comparator.comparing(EvidenceAgainst::reason))
                    .map(e -> new Evidence(e.reason(), explain(List.of(e)))).toList();
            List<FindingDefinition> wouldDecide = condition.decidedBy().stream().filter(c -> !knownCodes.contains(c))
                    .map(vocabulary::requireFinding).toList();
            hypotheses.add(new Hypothesis(condition, condition.label(), condition.category(), tier, reasons,
                    because.findings(), counter, wouldDecide, because));
        });
        hypotheses.sort(Comparator.comparing(Hypothesis::tier).thenComparing(Hypothesis::condition));
        return hypotheses;
    }

    private static List<CauseCategories> causeCategories(List<Hypothesis> differential) {
        Map<CauseCategory, List<ConditionDefinition>> byCategory = new EnumMap<>(CauseCategory.class);
        for (Hypothesis h : differential) { // already strongest tier first
            byCategory.computeIfAbsent(h.category(), c -> new ArrayList<>()).add(h.condition());
        }
        return byCategory.entrySet().stream().map(e -> new CauseCategories(e.getKey(), e.getValue())).toList();
    }

    private List<Recommendation> recommendations() {
        List<Recommendation> steps = new ArrayList<>();
        group(facts(Recommended.class), r -> vocabulary.requireStep(r.step())).forEach((step, items) -> steps.add(new Recommendation(
                step, step.kind(), step.label(),
                String.join("; ", distinctSorted(items, Recommended::reason)),
                explain(items))));
        steps.sort(Comparator.comparing((Recommendation r) -> r.kind()).thenComparing(Recommendation::step));
        return steps;
    }

    private List<Question> questions() {
        List<Question> questions = new ArrayList<>();
        group(facts(QuestionRaised.class), q -> vocabulary.requireFinding(q.finding())).forEach((code, items) -> {
            var priority = items.stream().map(QuestionRaised::priority).min(Comparator.naturalOrder()).orElseThrow();
            questions.add(new Question(code, code.label(), priority,
                    String.join("; ", distinctSorted(items, QuestionRaised::why)),
                    explain(items)));
        });
        questions.sort(Comparator.comparing(Question::priority).thenComparing(Question::finding));
        return questions;
    }

    private Explanation explain(Collection<?> conclusions) {
        // rules and findings told apart by identity (one RuleRef per rule, one finding object per code and side), in
        // the order first reached, then sorted; both orders are total, so the first-reached order never shows
        List<RuleRef> rules = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Object conclusion : conclusions) {
            for (Recorder.Support support : recorder.supportOf(conclusion)) {
                if (seen.add(support.rule())) {
                    rules.add(support.rule());
                }
            }
            for (Finding finding : recorder.findingsOf(conclusion)) {
                if (seen.add(finding)) {
                    findings.add(finding);
                }
            }
        }
        rules.sort(BY_ID);
        findings.sort(findingOrder);
        return new Explanation(rules, findings);
    }

    /** The texts, each once, in natural order (what {@code stream().map().distinct().sorted()} gives, cheaper). */
    private static <T> java.util.SortedSet<String> distinctSorted(List<T> items, Function<T, String> text) {
        java.util.SortedSet<String> texts = new java.util.TreeSet<>();
        for (T item : items) {
            texts.add(text.apply(item));
        }
        return texts;
    }

    private static final Comparator<RuleRef> BY_ID = Comparator.comparing(RuleRef::id);

    /** A finding's place in the vocabulary, looked up once per code per assessment. */
    private int order(Finding finding) {
        return findingOrders.computeIfAbsent(finding.code(), code -> vocabulary.finding(code)
                .map(FindingDefinition::order).orElse(Integer.MAX_VALUE));
    }

    /** The facts of a class (every fact legcds reasons over is a final record, so no subclass is left out). */
    @SuppressWarnings("unchecked")
    private <T> List<T> facts(Class<T> type) {
        return (List<T>) byClass.getOrDefault(type, List.of());
    }

    /**
     * Groups by key into a sorted map, so the output order never depends on working-memory order. Within a group the
     * order is working memory's, which never shows: every list built from a group is sorted by its own key
     * (explanations, reasons) or reduced to a minimum (tier, urgency, priority).
     */
    private static <T, K extends Comparable<? super K>> Map<K, List<T>> group(List<T> items, Function<T, K> key) {
        Map<K, List<T>> groups = new TreeMap<>();
        for (T item : items) {
            groups.computeIfAbsent(key.apply(item), k -> new ArrayList<>()).add(item);
        }
        return groups;
    }

}
