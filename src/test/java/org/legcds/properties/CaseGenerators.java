package org.legcds.properties;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.legcds.Clinic;
import org.legcds.facts.Case;
import org.legcds.facts.Finding;
import org.legcds.facts.Laterality;
import org.legcds.facts.Onset;
import org.legcds.facts.Patient;
import org.legcds.facts.Sex;
import org.legcds.facts.Status;
import org.legcds.scenario.ScenarioReader;
import org.legcds.vocabulary.FindingDefinition;
import org.legcds.vocabulary.ModifierDefinition;
import org.legcds.vocabulary.Qualifier;
import org.legcds.vocabulary.Vocabulary;

/**
 * Generators of valid cases for the property tests: a patient whose age, sex and pregnancy agree, and up to
 * {@value #MAX_FINDINGS} findings of distinct codes, each present, absent or unknown, with laterality, onset, triggers
 * and reliefs where the finding takes them, and for measurements a value within the plausible range of one of its
 * units ({@link FindingDefinition#units()}; measurements are present or unknown, never absent). Red-flag codes are drawn twice as often as others, since the
 * properties are about red flags.
 */
final class CaseGenerators {

    static final int MAX_FINDINGS = 25;

    /** The red-flag screen of the scenario suite: each check's {@code screenedBy} in the vocabulary. */
    static final List<String> SCREEN = ScenarioReader.of(Path.of("scenarios")).redFlagScreen();

    private static final Vocabulary VOCABULARY = Vocabulary.packaged();

    private CaseGenerators() {
    }

    static Arbitrary<Patient> patients() {
        Arbitrary<Integer> ages = Arbitraries.integers().between(0, Patient.MAX_AGE).injectNull(0.1);
        return Combinators.combine(ages, Arbitraries.of(Sex.class),
                        Arbitraries.of(Status.PRESENT, Status.ABSENT, Status.UNKNOWN)) // a pregnancy is never conflicting
                .as((age, sex, pregnancy) -> new Patient("generated", age, sex,
                        pregnancy == Status.PRESENT && !canBePregnant(age, sex) ? Status.ABSENT : pregnancy));
    }

    private static boolean canBePregnant(Integer age, Sex sex) {
        return sex != Sex.MALE && (age == null || (age >= 12 && age <= 55));
    }

    static Arbitrary<String> codes() {
        return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.of(VOCABULARY.findings().stream().map(FindingDefinition::id).toList())),
                Tuple.of(1, Arbitraries.of(RedFlagRules.CODES)));
    }

    static Arbitrary<Laterality> sides() {
        return Arbitraries.of(Laterality.class).injectNull(0.4);
    }

    /** A valid finding of the given code, with any status it may have. */
    static Arbitrary<Finding> finding(String code) {
        FindingDefinition definition = VOCABULARY.requireFinding(code);
        if (definition.isMeasurement()) {
            Arbitrary<Finding> measured = Combinators.combine(Arbitraries.of(definition.units()), sides())
                    .flatAs((range, side) -> Arbitraries.doubles().between(range.min(), range.max()).ofScale(2)
                            .map(value -> Finding.measured(code, value, range.unit()).on(side)));
            Arbitrary<Finding> unknown = sides().map(side -> Finding.unknown(code).on(side));
            return Arbitraries.frequencyOf(Tuple.of(4, measured), Tuple.of(1, unknown));
        }
        return Arbitraries.oneOf(present(code), sides().map(side -> Finding.absent(code).on(side)),
                sides().map(side -> Finding.unknown(code).on(side)));
    }

    /** A present finding of a code that is not a measurement, with any qualifiers. */
    static Arbitrary<Finding> present(String code) {
        Set<Qualifier> qualifiers = VOCABULARY.requireFinding(code).qualifiers();
        return Combinators.combine(sides(), Arbitraries.of(Onset.class).injectNull(0.5),
                        modifiers(ModifierDefinition.Kind.TRIGGER).set().ofMaxSize(3),
                        modifiers(ModifierDefinition.Kind.RELIEF).set().ofMaxSize(2))
                .as((side, onset, triggers, reliefs) -> {
                    Finding present = Finding.present(code).on(side);
                    if (qualifiers.contains(Qualifier.ONSET)) {
                        present = present.withOnset(onset);
                    }
                    if (qualifiers.contains(Qualifier.TRIGGERS)) {
                        present = present.broughtOnBy(triggers.toArray(String[]::new));
                    }
                    if (qualifiers.contains(Qualifier.RELIEFS)) {
                        present = present.relievedBy(reliefs.toArray(String[]::new));
                    }
                    return present;
                });
    }

    private static Arbitrary<String> modifiers(ModifierDefinition.Kind kind) {
        return Arbitraries.of(VOCABULARY.modifiers(kind).stream().map(ModifierDefinition::id).toList());
    }

    static Arbitrary<List<Finding>> findings(Arbitrary<String> codes, int maxSize) {
        return codes.flatMap(CaseGenerators::finding).list().ofMaxSize(maxSize).uniqueElements(Finding::code);
    }

    /** Any valid case. */
    static Arbitrary<Case> cases() {
        return Combinators.combine(patients(), findings(codes(), MAX_FINDINGS))
                .as((patient, findings) -> new Case(patient, Clinic.TODAY, plausible(patient, findings)));
    }

    /**
     * A valid case in which a random part of the red-flag screen is recorded absent (codes the case already has keep
     * their finding), so that red-flag findings are often absent, which the unknown-is-not-absent property needs.
     */
    static Arbitrary<Case> screenedCases() {
        return Combinators.combine(patients(), findings(codes(), MAX_FINDINGS), Arbitraries.subsetOf(SCREEN))
                .as((patient, findings, screened) -> {
                    List<Finding> all = new ArrayList<>(plausible(patient, findings));
                    Set<String> listed = new HashSet<>();
                    findings.forEach(f -> listed.add(f.code()));
                    screened.stream().filter(c -> !listed.contains(c)).sorted().map(Finding::absent).forEach(all::add);
                    return new Case(patient, Clinic.TODAY, all);
                });
    }

    /** The findings, with smoking or alcohol misuse absent instead of present in a child (refused as input). */
    static List<Finding> plausible(Patient patient, List<Finding> findings) {
        if (patient.age() == null || patient.age() >= Case.MIN_AGE_FOR_HABITS) {
            return findings;
        }
        return findings.stream().map(f -> f.present() && (f.code().equals("SMOKING") || f.code().equals("ALCOHOL_MISUSE"))
                ? Finding.absent(f.code()).on(f.laterality()) : f).toList();
    }

    /** The case with one finding replaced. */
    static Case replace(Case patientCase, Finding old, Finding replacement) {
        List<Finding> findings = new ArrayList<>(patientCase.findings());
        findings.set(findings.indexOf(old), replacement);
        return new Case(patientCase.patient(), patientCase.evaluationDate(), findings);
    }

    /** The case with findings added. */
    static Case adding(Case patientCase, List<Finding> extra) {
        List<Finding> findings = new ArrayList<>(patientCase.findings());
        findings.addAll(extra);
        return new Case(patientCase.patient(), patientCase.evaluationDate(), plausible(patientCase.patient(), findings));
    }
}
