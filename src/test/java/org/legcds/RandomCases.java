package org.legcds;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.legcds.facts.Case;
import org.legcds.facts.Finding;
import org.legcds.facts.Laterality;
import org.legcds.facts.Onset;
import org.legcds.facts.Patient;
import org.legcds.facts.Sex;
import org.legcds.facts.Status;
import org.legcds.vocabulary.FindingDefinition;
import org.legcds.vocabulary.ModifierDefinition;
import org.legcds.vocabulary.Qualifier;
import org.legcds.vocabulary.UnitRange;
import org.legcds.vocabulary.Vocabulary;

/**
 * Test fixture: varied, valid cases drawn from a seeded {@link Random} over the whole vocabulary, so that stress tests
 * reach red flags, open checks, every claudication type and the differential. Same seed, same cases.
 */
final class RandomCases {

    private static final Vocabulary VOCABULARY = Vocabulary.packaged();
    private static final FindingDefinition[] CODES = VOCABULARY.findings().toArray(FindingDefinition[]::new);
    private static final Laterality[] SIDES = Laterality.values();

    private RandomCases() {
    }

    /** {@code count} cases for patients {@code <prefix>0000}, {@code <prefix>0001}, ... */
    static List<Case> cases(long seed, int count, String prefix) {
        Random random = new Random(seed);
        List<Case> cases = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            cases.add(randomCase(random, String.format("%s%04d", prefix, i)));
        }
        return cases;
    }

    /** One case: a random patient, and each code of the vocabulary present, absent, unknown or not mentioned. */
    static Case randomCase(Random random, String patientId) {
        Sex sex = Sex.values()[random.nextInt(Sex.values().length)];
        Status pregnancy = sex == Sex.FEMALE ? Status.values()[random.nextInt(3)] : Status.ABSENT;
        Integer age = random.nextInt(10) == 0 ? null : 18 + random.nextInt(80);
        if (age != null && age > Patient.MAX_PREGNANCY_AGE && pregnancy == Status.PRESENT) {
            pregnancy = Status.ABSENT; // implausible, refused as input
        }
        Patient patient = new Patient(patientId, age, sex, pregnancy);
        LocalDate date = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365));
        // how full the record is varies from case to case: some nearly empty, some thorough
        int density = 2 + random.nextInt(10);
        List<Finding> findings = new ArrayList<>();
        for (FindingDefinition code : CODES) {
            if (random.nextInt(density) != 0 && !code.id().equals("LEG_PAIN")) {
                continue;
            }
            Finding finding = finding(random, code);
            if (finding != null) {
                findings.add(finding);
            }
        }
        return new Case(patient, date, findings);
    }

    private static Finding finding(Random random, FindingDefinition definition) {
        String code = definition.id();
        Laterality side = random.nextInt(3) == 0 ? null : SIDES[random.nextInt(SIDES.length)];
        if (definition.isMeasurement()) {
            if (random.nextInt(5) == 0) {
                return Finding.unknown(code).on(side);
            }
            UnitRange range = definition.units().get(0);
            double value = range.min() + random.nextDouble() * (range.max() - range.min());
            value = Math.round(value * 100) / 100.0;
            String unit = range.unit();
            if (value < range.min() || value > range.max()) {
                value = range.min();
            }
            return Finding.measured(code, value, unit).on(side);
        }
        int pick = random.nextInt(8);
        if (pick < 4) {
            Finding present = Finding.present(code).on(side);
            if (definition.kind() == org.legcds.vocabulary.FindingKind.SYMPTOM) {
                if (random.nextInt(3) == 0 && definition.qualifiers().contains(Qualifier.ONSET)) {
                    present = present.withOnset(random.nextBoolean() ? Onset.SUDDEN : Onset.GRADUAL);
                }
                if (definition.qualifiers().contains(Qualifier.TRIGGERS)) {
                    present = present.broughtOnBy(some(random, VOCABULARY.modifiers(ModifierDefinition.Kind.TRIGGER))
                            .toArray(String[]::new));
                }
                if (definition.qualifiers().contains(Qualifier.RELIEFS)) {
                    present = present.relievedBy(some(random, VOCABULARY.modifiers(ModifierDefinition.Kind.RELIEF))
                            .toArray(String[]::new));
                }
            }
            return present;
        }
        if (pick < 7) {
            return Finding.absent(code).on(side);
        }
        return Finding.unknown(code).on(side);
    }

    private static Set<String> some(Random random, Collection<ModifierDefinition> modifiers) {
        Set<String> chosen = new LinkedHashSet<>();
        for (ModifierDefinition modifier : modifiers) {
            String value = modifier.id();
            if (random.nextInt(4) == 0) {
                chosen.add(value);
            }
        }
        return chosen;
    }
}
