package org.legcds.scenario;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.legcds.assessment.Assessment;
import org.legcds.assessment.ClaudicationType;
import org.legcds.assessment.Hypothesis;
import org.legcds.assessment.NotEvaluated;
import org.legcds.assessment.ObservedPattern;
import org.legcds.assessment.Question;
import org.legcds.assessment.Recommendation;
import org.legcds.assessment.RedFlag;
import org.legcds.assessment.SymptomPattern;
import org.legcds.assessment.Tier;
import org.legcds.assessment.TraceEntry;
import org.legcds.vocabulary.CauseCategory;
import org.legcds.vocabulary.ConditionDefinition;
import org.legcds.vocabulary.Urgency;

/**
 * What a scenario expects of the assessment: the {@code expect} block of a scenario file. Every part is optional and
 * only what is given is checked; a part not given is null (or {@link Includes#none()}).
 *
 * @param urgency         the exact urgency level, or null
 * @param redFlags        the exact set of red-flag checks raised, or null
 * @param notEvaluated    the exact set of red-flag checks left open, or null
 * @param claudication    the exact claudication type, or null
 * @param distribution    the exact set of distribution patterns, or null
 * @param causeCategories cause categories that must and must not appear
 * @param differential    conditions (optionally with a tier) that must and must not be in the differential
 * @param recommendations steps that must and must not be recommended
 * @param questions       findings that must and must not be asked about
 * @param firstQuestion   the finding the first question must be about, or null
 * @param rulesFired      rule ids that must and must not fire
 */
public record Expectations(Urgency urgency, Set<String> redFlags, Set<String> notEvaluated,
                           ClaudicationType claudication, Set<SymptomPattern> distribution,
                           Includes<CauseCategory> causeCategories, Includes<Ranked> differential,
                           Includes<String> recommendations, Includes<String> questions, String firstQuestion,
                           Includes<String> rulesFired) {

    /**
     * Items that must ({@code include}) and must not ({@code exclude}) be present.
     *
     * @param include items that must be present, in the author's order
     * @param exclude items that must be absent, in the author's order
     * @param <T>     the item type
     */
    public record Includes<T>(List<T> include, List<T> exclude) {
        /**
         * Copies the lists.
         *
         * @param include items that must be present, in the author's order
         * @param exclude items that must be absent, in the author's order
         * @throws NullPointerException if a list is null or holds null
         */
        public Includes {
            include = List.copyOf(include);
            exclude = List.copyOf(exclude);
        }

        /**
         * Nothing expected, typed.
         *
         * @param <T> the item type
         * @return an empty expectation
         */
        public static <T> Includes<T> none() {
            return new Includes<>(List.of(), List.of());
        }

        /**
         * Whether nothing is expected.
         *
         * @return true when both lists are empty
         */
        public boolean isEmpty() {
            return include.isEmpty() && exclude.isEmpty();
        }
    }

    /**
     * A condition of the differential as a scenario names it: {@code NAME} or {@code NAME=TIER}.
     *
     * @param condition the condition's id
     * @param tier      the tier it must have (include) or must not have (exclude); null for any tier
     */
    public record Ranked(String condition, Tier tier) {
        /**
         * Checks the condition.
         *
         * @param condition the condition's id
         * @param tier      the tier it must have (include) or must not have (exclude); null for any tier
         * @throws NullPointerException if {@code condition} is null
         */
        public Ranked {
            Objects.requireNonNull(condition, "condition must not be null");
        }

        /** As a scenario writes it: {@code NAME} or {@code NAME=TIER}. */
        @Override
        public String toString() {
            return tier == null ? condition : condition + "=" + tier.name();
        }
    }

    /**
     * Copies the sets and reads a null {@link Includes} as {@link Includes#none()}.
     *
     * @param urgency         the exact urgency level, or null
     * @param redFlags        the exact set of red-flag checks raised, or null
     * @param notEvaluated    the exact set of red-flag checks left open, or null
     * @param claudication    the exact claudication type, or null
     * @param distribution    the exact set of distribution patterns, or null
     * @param causeCategories cause categories that must and must not appear, or null for none
     * @param differential    conditions that must and must not be in the differential, or null for none
     * @param recommendations steps that must and must not be recommended, or null for none
     * @param questions       findings that must and must not be asked about, or null for none
     * @param firstQuestion   the finding the first question must be about, or null
     * @param rulesFired      rule ids that must and must not fire, or null for none
     */
    public Expectations {
        redFlags = redFlags == null ? null : Set.copyOf(redFlags);
        notEvaluated = notEvaluated == null ? null : Set.copyOf(notEvaluated);
        distribution = distribution == null ? null : Set.copyOf(distribution);
        causeCategories = causeCategories == null ? Includes.none() : causeCategories;
        differential = differential == null ? Includes.none() : differential;
        recommendations = recommendations == null ? Includes.none() : recommendations;
        questions = questions == null ? Includes.none() : questions;
        rulesFired = rulesFired == null ? Includes.none() : rulesFired;
    }

    /**
     * Expects nothing (a starting point for tests).
     *
     * @return expectations that every assessment meets
     */
    public static Expectations nothing() {
        return new Expectations(null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * Whether nothing is expected at all.
     *
     * @return true when no part is given
     */
    public boolean isEmpty() {
        return urgency == null && redFlags == null && notEvaluated == null && claudication == null
                && distribution == null && causeCategories.isEmpty() && differential.isEmpty()
                && recommendations.isEmpty() && questions.isEmpty() && firstQuestion == null && rulesFired.isEmpty();
    }

    /**
     * Checks an assessment against these expectations.
     *
     * @param assessment the assessment of the scenario's case
     * @param ruleIds    the ids of every rule of the knowledge base that produced it (an expected rule that does not
     *                   exist is reported as such, not as "did not fire")
     * @return every expectation not met, in the order of the format; empty when all are met
     */
    public List<ExpectationFailure> check(Assessment assessment, Set<String> ruleIds) {
        List<ExpectationFailure> failures = new ArrayList<>();
        if (urgency != null && assessment.triage().level() != urgency) {
            failures.add(new ExpectationFailure("urgency", "expected urgency " + urgency + " but was "
                    + assessment.triage().level()));
        }
        if (redFlags != null) {
            exactSet(failures, "redFlags", "red flags", redFlags,
                    assessment.redFlags().stream().map(r -> r.check().id()).toList());
        }
        if (notEvaluated != null) {
            exactSet(failures, "notEvaluated", "checks not evaluated", notEvaluated,
                    assessment.notEvaluated().stream().map(n -> n.check().id()).toList());
        }
        if (claudication != null && assessment.claudication().type() != claudication) {
            failures.add(new ExpectationFailure("claudication", "expected claudication " + claudication + " but was "
                    + assessment.claudication().type()));
        }
        if (distribution != null) {
            exactSet(failures, "distribution", "distribution", distribution,
                    assessment.patterns().stream().map(p -> p.pattern().name()).toList());
        }
        checkCauseCategories(failures, assessment);
        checkDifferential(failures, assessment);
        members(failures, "recommendations", "recommendation", "made", recommendations,
                assessment.recommendations().stream().map(r -> r.step().id()).toList());
        members(failures, "questions", "question about", "asked", questions,
                assessment.questions().stream().map(q -> q.finding().id()).toList());
        if (firstQuestion != null) {
            List<Question> asked = assessment.questions();
            if (asked.isEmpty()) {
                failures.add(new ExpectationFailure("questions",
                        "expected first question " + firstQuestion + " but no question was asked"));
            } else if (!asked.get(0).finding().id().equals(firstQuestion)) {
                failures.add(new ExpectationFailure("questions", "expected first question " + firstQuestion
                        + " but was " + asked.get(0).finding().id()));
            }
        }
        checkRules(failures, assessment, ruleIds);
        return failures;
    }

    private void checkCauseCategories(List<ExpectationFailure> failures, Assessment assessment) {
        Map<CauseCategory, List<String>> found = new EnumMap<>(CauseCategory.class);
        assessment.causeCategories().forEach(c -> found.put(c.category(),
                c.conditions().stream().map(ConditionDefinition::id).toList()));
        for (CauseCategory category : causeCategories.include()) {
            if (!found.containsKey(category)) {
                failures.add(new ExpectationFailure("causeCategories", "expected cause category " + category
                        + ", not found (cause categories: " + list(found.keySet()) + ")"));
            }
        }
        for (CauseCategory category : causeCategories.exclude()) {
            if (found.containsKey(category)) {
                failures.add(new ExpectationFailure("causeCategories", "expected no cause category " + category
                        + ", but found it (" + list(found.get(category)) + ")"));
            }
        }
    }

    private void checkDifferential(List<ExpectationFailure> failures, Assessment assessment) {
        String whole = assessment.differential().isEmpty() ? "the differential is empty"
                : "differential: " + assessment.differential().stream()
                        .map(h -> h.condition().id() + "=" + h.tier()).collect(Collectors.joining(", "));
        for (Ranked wanted : differential.include()) {
            Optional<Hypothesis> found = assessment.hypothesis(wanted.condition());
            if (found.isEmpty()) {
                failures.add(new ExpectationFailure("differential", "expected " + wanted
                        + " in differential, not found (" + whole + ")"));
            } else if (wanted.tier() != null && found.get().tier() != wanted.tier()) {
                failures.add(new ExpectationFailure("differential", "expected " + wanted
                        + " in differential, found " + found.get().tier()));
            }
        }
        for (Ranked unwanted : differential.exclude()) {
            Optional<Hypothesis> found = assessment.hypothesis(unwanted.condition());
            if (found.isPresent() && (unwanted.tier() == null || found.get().tier() == unwanted.tier())) {
                failures.add(new ExpectationFailure("differential", unwanted.tier() == null
                        ? "expected " + unwanted.condition() + " not in differential, found " + found.get().tier()
                        : "expected " + unwanted.condition() + " not " + unwanted.tier() + " in differential, found "
                                + found.get().tier()));
            }
        }
    }

    private void checkRules(List<ExpectationFailure> failures, Assessment assessment, Set<String> ruleIds) {
        Set<String> fired = assessment.trace().stream().map(TraceEntry::rule)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        for (String rule : rulesFired.include()) {
            if (!ruleIds.contains(rule)) {
                failures.add(new ExpectationFailure("rulesFired", "expected rule " + rule
                        + " to fire, but the knowledge base has no rule " + rule));
            } else if (!fired.contains(rule)) {
                failures.add(new ExpectationFailure("rulesFired", "expected rule " + rule + " to fire, it did not"));
            }
        }
        for (String rule : rulesFired.exclude()) {
            if (!ruleIds.contains(rule)) {
                failures.add(new ExpectationFailure("rulesFired", "expected rule " + rule
                        + " not to fire, but the knowledge base has no rule " + rule));
            } else if (fired.contains(rule)) {
                failures.add(new ExpectationFailure("rulesFired", "expected rule " + rule + " not to fire, it did"));
            }
        }
    }

    private static void exactSet(List<ExpectationFailure> failures, String key, String what,
                                 Set<?> expected, Collection<String> actual) {
        Set<String> wanted = new TreeSet<>();
        expected.forEach(e -> wanted.add(e instanceof Enum<?> constant ? constant.name() : String.valueOf(e)));
        Set<String> found = new TreeSet<>(actual);
        if (wanted.equals(found)) {
            return;
        }
        Set<String> missing = new TreeSet<>(wanted);
        missing.removeAll(found);
        Set<String> extra = new TreeSet<>(found);
        extra.removeAll(wanted);
        List<String> detail = new ArrayList<>();
        if (!missing.isEmpty()) {
            detail.add("missing " + String.join(", ", names(missing)));
        }
        if (!extra.isEmpty()) {
            detail.add("unexpected " + String.join(", ", names(extra)));
        }
        failures.add(new ExpectationFailure(key, "expected " + what + " " + list(wanted) + " but " + (found.size() == 1
                ? "was " : "were ") + list(found) + " (" + String.join("; ", detail) + ")"));
    }

    private static <T> void members(List<ExpectationFailure> failures, String key, String what, String verb,
                                    Includes<T> expected, List<T> actual) {
        for (T item : expected.include()) {
            if (!actual.contains(item)) {
                failures.add(new ExpectationFailure(key, "expected " + what + " " + item + ", not " + verb + " ("
                        + key + ": " + list(actual) + ")"));
            }
        }
        for (T item : expected.exclude()) {
            if (actual.contains(item)) {
                failures.add(new ExpectationFailure(key, "expected no " + what + " " + item + ", but it was " + verb));
            }
        }
    }

    private static List<String> names(Collection<String> values) {
        return values.stream().sorted().toList();
    }

    private static String list(Collection<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }

}
