package org.legcds;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
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

/**
 * Test fixture: varied, valid cases drawn from a seeded {@link Random} over the whole vocabulary, so that stress tests
 * reach red flags, open checks, every claudication type and the differential. Same seed, same cases.
 */
final class RandomCases {

    private static final String[] CODES = Code.values();
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
        for (String code : CODES) {
            if (random.nextInt(density) != 0 && code != "LEG_PAIN") {
                continue;
            }
            Finding finding = finding(random, code);
            if (finding != null) {
                findings.add(finding);
            }
        }
        return new Case(patient, date, findings);
    }

    private static Finding finding(Random random, String code) {
        Laterality side = random.nextInt(3) == 0 ? null : SIDES[random.nextInt(SIDES.length)];
        if (code.isMeasurement()) {
            if (random.nextInt(5) == 0) {
                return Finding.unknown(code).on(side);
            }
            double value = code.min() + random.nextDouble() * (code.max() - code.min());
            value = Math.round(value * 100) / 100.0;
            String unit = code.units().get(0);
            if (value < code.min() || value > code.max()) {
                value = code.min();
            }
            return Finding.measured(code, value, unit).on(side);
        }
        int pick = random.nextInt(8);
        if (pick < 4) {
            Finding present = Finding.present(code).on(side);
            if (code.kind() == CodeKind.SYMPTOM) {
                if (random.nextInt(3) == 0) {
                    present = present.withOnset(random.nextBoolean() ? Onset.SUDDEN : Onset.GRADUAL);
                }
                present = present.broughtOnBy(some(random, Trigger.class).toArray(String[]::new))
                        .relievedBy(some(random, Relief.class).toArray(String[]::new));
            }
            return present;
        }
        if (pick < 7) {
            return Finding.absent(code).on(side);
        }
        return Finding.unknown(code).on(side);
    }

    private static <E extends Enum<E>> Set<E> some(Random random, Class<E> type) {
        Set<E> chosen = EnumSet.noneOf(type);
        for (E value : type.getEnumConstants()) {
            if (random.nextInt(4) == 0) {
                chosen.add(value);
            }
        }
        return chosen;
    }
}
