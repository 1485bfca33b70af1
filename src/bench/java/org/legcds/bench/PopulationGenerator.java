package org.legcds.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import org.legcds.facts.Laterality;
import org.legcds.facts.Onset;

/**
 * Writes a synthetic population of leg-pain cases as NDJSON (one case file per line) for {@code legcds batch}: the
 * load of the batch benchmark and a smoke test of the engine on varied input.
 *
 * <p>Deterministic: the same count, seed and bad fraction give the same file, byte for byte (one
 * {@link SplittableRandom}, no clock). The mix is clinically varied but synthetic, not epidemiological: vascular,
 * neurogenic and mixed claudication, peripheral neuropathy, sciatica, arthritis and sparse records where almost
 * everything is unknown; ages 18 to 95 (a few unknown, some given as birth dates); red-flag screening recorded for
 * about half the patients (otherwise the checks stay not evaluated) and one red-flag presentation in about 3%. A
 * fraction of lines can be made bad on purpose (malformed, truncated, misspelt code, missing status, implausible
 * value, blank), to exercise the error path.
 *
 * <pre>
 * java -cp target/legcds-cli.jar:&lt;bench classes&gt; org.legcds.bench.PopulationGenerator \
 *     1000000 42 target/bench/population.ndjson [bad-fraction, default 0]
 * </pre>
 */
public final class PopulationGenerator {

    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 1);

    private final SplittableRandom random;
    private final double badFraction;

    public PopulationGenerator(long seed, double badFraction) {
        if (badFraction < 0 || badFraction > 1) {
            throw new IllegalArgumentException("the bad fraction must be between 0 and 1, but is " + badFraction);
        }
        this.random = new SplittableRandom(seed);
        this.badFraction = badFraction;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3 || args.length > 4) {
            System.err.println("usage: PopulationGenerator <count> <seed> <output.ndjson> [bad-fraction]");
            System.exit(2);
        }
        long count = Long.parseLong(args[0]);
        long seed = Long.parseLong(args[1]);
        Path output = Path.of(args[2]);
        double bad = args.length == 4 ? Double.parseDouble(args[3]) : 0;
        if (output.toAbsolutePath().getParent() != null) {
            Files.createDirectories(output.toAbsolutePath().getParent());
        }
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8), 1 << 16)) {
            new PopulationGenerator(seed, bad).write(count, out);
        }
        System.err.printf(Locale.ROOT, "wrote %,d cases to %s (%,d bytes)%n", count, output, Files.size(output));
    }

    /** Writes {@code count} lines, each ending with a newline. */
    public void write(long count, Writer out) throws IOException {
        for (long i = 1; i <= count; i++) {
            out.write(next(i));
            out.write('\n');
        }
    }

    /** The case on line {@code number}, as one line of JSON (or a bad line). */
    public String next(long number) {
        String line = patientCase("pop-%07d".formatted(number));
        return random.nextDouble() < badFraction ? spoil(line) : line;
    }

    // --- one case ------------------------------------------------------------------------------------------------

    private String patientCase(String id) {
        LocalDate evaluationDate = FIRST_DAY.plusDays(random.nextInt(365));
        Findings findings = new Findings();
        double profile = random.nextDouble();
        int age;
        if (profile < 0.18) {
            age = between(50, 92);
            vascular(findings);
        } else if (profile < 0.36) {
            age = between(55, 92);
            neurogenic(findings);
        } else if (profile < 0.41) {
            age = between(60, 92);
            vascular(findings);
            neurogenic(findings);
        } else if (profile < 0.58) {
            age = between(35, 92);
            neuropathy(findings);
        } else if (profile < 0.70) {
            age = between(20, 75);
            sciatica(findings);
        } else if (profile < 0.80) {
            age = between(45, 92);
            arthritis(findings);
        } else {
            age = between(18, 95);
            sparse(findings);
        }
        riskFactors(findings, age);
        if (random.nextDouble() < 0.03) {
            redFlag(findings);
        }
        if (random.nextDouble() < 0.5) {
            redFlagScreen(findings);
        }
        return "{\"patient\":" + patient(id, age, evaluationDate) + ",\"evaluationDate\":\"" + evaluationDate
                + "\",\"findings\":" + findings.json() + "}";
    }

    private String patient(String id, int age, LocalDate evaluationDate) {
        StringJoiner fields = new StringJoiner(",", "{", "}");
        fields.add("\"id\":\"" + id + "\"");
        double ageKnown = random.nextDouble();
        if (ageKnown < 0.10) {
            LocalDate born = evaluationDate.minusYears(age).minusDays(random.nextInt(365));
            fields.add("\"birthDate\":\"" + born + "\"");
        } else if (ageKnown < 0.98) {
            fields.add("\"age\":" + age);
        } // else: age unknown
        double sex = random.nextDouble();
        String sexName = sex < 0.49 ? "female" : sex < 0.98 ? "male" : sex < 0.99 ? "other" : "unknown";
        fields.add("\"sex\":\"" + sexName + "\"");
        if (sexName.equals("male")) {
            fields.add("\"pregnancy\":\"absent\"");
        } else if (sexName.equals("female") && age <= 50) {
            double pregnancy = random.nextDouble();
            fields.add("\"pregnancy\":\"" + (pregnancy < 0.03 ? "present" : pregnancy < 0.85 ? "absent" : "unknown")
                    + "\"");
        } else if (random.nextBoolean()) {
            fields.add("\"pregnancy\":\"absent\"");
        } // else: pregnancy unknown
        return fields.toString();
    }

    // --- presentations -------------------------------------------------------------------------------------------

    private void vascular(Findings f) {
        String[] triggers = chance(0.3) ? new String[] {"WALKING", "STAIRS"} : new String[] {"WALKING"};
        String relief = chance(0.8) ? "STANDING_STILL" : "REST";
        f.present("LEG_PAIN", side(0.75), Onset.GRADUAL, triggers, new String[] {relief});
        f.maybe("CALF_PAIN", 0.7, Laterality.BILATERAL);
        f.maybe("CRAMPING_PAIN", 0.6, null);
        f.maybe("BUTTOCK_PAIN", 0.1, null);
        if (chance(0.6)) {
            f.present("DIMINISHED_FOOT_PULSES", Laterality.BILATERAL);
        }
        if (chance(0.3)) {
            f.measured("ANKLE_BRACHIAL_INDEX", Laterality.LEFT, round(0.45 + random.nextDouble() * 0.5, 2), "1");
            f.measured("ANKLE_BRACHIAL_INDEX", Laterality.RIGHT, round(0.45 + random.nextDouble() * 0.6, 2), "1");
        }
        f.maybe("SMOKING", 0.6, null);
        f.maybe("PERIPHERAL_ARTERY_DISEASE", 0.15, null);
    }

    private void neurogenic(Findings f) {
        f.present("LEG_PAIN", Laterality.BILATERAL, Onset.GRADUAL,
                new String[] {"STANDING", "WALKING"},
                chance(0.5) ? new String[] {"SITTING", "LEANING_FORWARD"} : new String[] {"SITTING"});
        f.maybe("LOW_BACK_PAIN", 0.7, null);
        f.maybe("SHOPPING_CART_SIGN", 0.4, null);
        f.maybe("NUMBNESS", 0.3, Laterality.BILATERAL);
        f.maybe("THIGH_PAIN", 0.3, Laterality.BILATERAL);
        if (chance(0.5)) {
            f.absent("DIMINISHED_FOOT_PULSES");
        }
        f.maybe("SPINAL_STENOSIS", 0.2, null);
        f.maybe("SPONDYLOLISTHESIS", 0.05, null);
        f.maybe("IMAGING_LUMBAR_STENOSIS", 0.15, null);
    }

    private void neuropathy(Findings f) {
        f.present("PARESTHESIA", Laterality.BILATERAL);
        f.maybe("NUMBNESS", 0.7, Laterality.BILATERAL);
        f.maybe("BURNING_PAIN", 0.5, null);
        f.maybe("FOOT_PAIN", 0.5, Laterality.BILATERAL);
        f.maybe("STOCKING_GLOVE_SYMPTOMS", 0.5, null);
        f.maybe("SYMMETRIC_SYMPTOMS", 0.6, null);
        if (chance(0.3)) { // neuropathic pain, worse at rest and at night: not claudication
            f.present("LEG_PAIN", Laterality.BILATERAL, Onset.GRADUAL,
                    new String[] {"REST", "LYING_DOWN"}, new String[] {"MOVEMENT"});
        } else if (chance(0.4)) {
            f.present("LEG_PAIN", Laterality.BILATERAL);
        }
        if (chance(0.55)) {
            f.present("DIABETES", null);
            f.maybe("METFORMIN", 0.5, null);
            if (chance(0.4)) {
                f.measured("HBA1C", null, round(5.5 + random.nextDouble() * 6.5, 1), "%");
            }
        }
        f.maybe("ALCOHOL_MISUSE", 0.1, null);
        f.maybe("B12_DEFICIENCY", 0.08, null);
        if (chance(0.2)) {
            f.measured("VITAMIN_B12", null, Math.round(100 + random.nextDouble() * 800), "pg/mL");
        }
        if (chance(0.05)) {
            f.present("HYPOTHYROIDISM", null);
            f.measured("TSH", null, round(0.5 + random.nextDouble() * 12, 1), "mIU/L");
        }
        if (chance(0.08)) {
            f.present("CHRONIC_KIDNEY_DISEASE", null);
            f.measured("EGFR", null, Math.round(15 + random.nextDouble() * 50), "mL/min/1.73m2");
        }
        f.maybe("CHEMOTHERAPY", 0.03, null);
        f.maybe("BARIATRIC_SURGERY", 0.02, null);
    }

    private void sciatica(Findings f) {
        Laterality side = random.nextBoolean() ? Laterality.LEFT : Laterality.RIGHT;
        f.present("LEG_PAIN", side, chance(0.3) ? Onset.SUDDEN : Onset.GRADUAL, new String[0], new String[0]);
        f.present("RADIATING_LEG_PAIN", side);
        f.maybe("LOW_BACK_PAIN", 0.8, null);
        f.maybe("STRAIGHT_LEG_RAISE_POSITIVE", 0.5, side);
        f.maybe("DERMATOMAL_DISTRIBUTION", 0.5, side);
        f.maybe("PARESTHESIA", 0.3, side);
        f.maybe("HERNIATED_DISC", 0.2, null);
        f.maybe("DEGENERATIVE_DISC_DISEASE", 0.1, null);
        f.maybe("IMAGING_NERVE_ROOT_COMPRESSION", 0.1, null);
    }

    private void arthritis(Findings f) {
        boolean hip = random.nextBoolean();
        f.present(hip ? "HIP_PAIN" : "KNEE_PAIN", side(0.5));
        f.present(hip ? "HIP_OSTEOARTHRITIS" : "KNEE_OSTEOARTHRITIS", null);
        f.maybe("JOINT_STIFFNESS", 0.6, null);
        double triggers = random.nextDouble();
        f.present("LEG_PAIN", side(0.5), Onset.GRADUAL,
                triggers < 0.4 ? new String[] {"WALKING", "RISING_FROM_SITTING"}
                        : triggers < 0.7 ? new String[] {"RISING_FROM_SITTING"} : new String[0],
                chance(0.5) ? new String[] {"REST"} : new String[0]);
        if (chance(0.1)) {
            f.present("RHEUMATOID_ARTHRITIS", null);
            f.present("JOINT_SWELLING", Laterality.BILATERAL);
        }
    }

    /** Only the complaint, and a few answers that may be unknown: the record of a first contact. */
    private void sparse(Findings f) {
        if (chance(0.85)) {
            f.present("LEG_PAIN", side(0.7));
        } else {
            f.unknown("LEG_PAIN");
        }
        String[] extras = {"LEG_WEAKNESS", "NUMBNESS", "LOW_BACK_PAIN", "NIGHT_PAIN", "LEG_SWELLING"};
        for (int i = random.nextInt(3); i > 0; i--) {
            String code = extras[random.nextInt(extras.length)];
            double status = random.nextDouble();
            if (status < 0.4) {
                f.present(code, null);
            } else if (status < 0.7) {
                f.absent(code);
            } else {
                f.unknown(code);
            }
        }
    }

    private void riskFactors(Findings f, int age) {
        double older = age >= 60 ? 1.5 : 1;
        f.maybeKnown("DIABETES", 0.15 * older);
        f.maybeKnown("HYPERTENSION", 0.3 * older);
        f.maybeKnown("HIGH_CHOLESTEROL", 0.25 * older);
        f.maybeKnown("SMOKING", 0.2);
    }

    /** One red-flag presentation; it replaces what the profile said about the same findings. */
    private void redFlag(Findings f) {
        switch (random.nextInt(9)) {
            case 0 -> { // cauda equina syndrome
                f.replace("SADDLE_ANAESTHESIA", Laterality.BILATERAL);
                f.replace(chance(0.5) ? "BLADDER_DYSFUNCTION" : "URINARY_HESITANCY", null);
                f.replace("LOW_BACK_PAIN", null);
            }
            case 1 -> { // acute limb ischaemia
                f.put("LEG_PAIN", "{\"code\":\"LEG_PAIN\",\"status\":\"present\",\"laterality\":\"left\","
                        + "\"onset\":\"sudden\"}");
                f.replace("SEVERE_LEG_PAIN", null);
                f.replace("COLD_LIMB", Laterality.LEFT);
                f.replace("PALE_OR_BLUE_LIMB", Laterality.LEFT);
                f.replace("ABSENT_FOOT_PULSE", Laterality.LEFT);
            }
            case 2 -> { // serious infection
                f.replace("FEVER", null);
                f.replace("CHILLS", null);
                f.replace("SPREADING_REDNESS", Laterality.RIGHT);
            }
            case 3 -> { // abdominal aortic aneurysm
                f.replace("PULSATILE_ABDOMINAL_MASS", null);
                f.replace("EXCRUCIATING_BACK_PAIN", null);
            }
            case 4 -> { // malignancy
                f.replace("CANCER_HISTORY", null);
                f.replace("WEIGHT_LOSS", null);
                f.replace("NIGHT_PAIN", null);
            }
            case 5 -> { // progressive neurological deficit
                f.replace("PROGRESSIVE_WEAKNESS", Laterality.BILATERAL);
                f.replace("LEG_WEAKNESS", Laterality.BILATERAL);
            }
            case 6 -> { // severe pain with swelling
                f.replace("SEVERE_LEG_PAIN", null);
                f.replace("LEG_SWELLING", Laterality.RIGHT);
            }
            case 7 -> { // cervical myelopathy
                f.replace("HAND_SYMPTOMS", Laterality.BILATERAL);
                f.replace("GAIT_DISTURBANCE", null);
            }
            default -> { // rest pain with arterial disease: chronic limb-threatening ischaemia
                vascular(f);
                f.put("LEG_PAIN", "{\"code\":\"LEG_PAIN\",\"status\":\"present\",\"laterality\":\"bilateral\","
                        + "\"onset\":\"gradual\",\"triggers\":[\"walking\",\"rest\",\"lying_down\"],"
                        + "\"reliefs\":[\"standing_still\"]}");
                f.replace("NIGHT_PAIN", null);
            }
        }
    }

    /** The red-flag questions, each answered "no" with probability 0.95 and otherwise left unknown. */
    private void redFlagScreen(Findings f) {
        for (String code : new String[] {"SADDLE_ANAESTHESIA", "BLADDER_DYSFUNCTION", "URINARY_HESITANCY",
                "ALTERED_URINARY_SENSATION", "BOWEL_DYSFUNCTION", "ABSENT_FOOT_PULSE", "FEVER", "SPREADING_REDNESS", "WEIGHT_LOSS", "CANCER_HISTORY",
                "COLD_LIMB", "PALE_OR_BLUE_LIMB", "PROGRESSIVE_WEAKNESS", "PROGRESSIVE_NUMBNESS",
                "EXCRUCIATING_BACK_PAIN", "LEG_SWELLING", "HAND_SYMPTOMS", "GAIT_DISTURBANCE"}) {
            if (chance(0.95)) {
                f.absentIfUnrecorded(code);
            }
        }
    }

    // --- bad lines -----------------------------------------------------------------------------------------------

    private String spoil(String line) {
        return switch (random.nextInt(6)) {
            case 0 -> line.substring(0, 1 + random.nextInt(line.length() - 1)); // truncated
            case 1 -> line.replaceFirst("\"code\":\"([A-Z_]+)\"", "\"code\":\"$1S\""); // misspelt code
            case 2 -> line.replaceFirst(",\"status\":\"[a-z]+\"", ""); // a finding without a status
            case 3 -> line.replaceFirst("\"findings\":\\[", "\"findings\":[{\"code\":\"ANKLE_BRACHIAL_INDEX\","
                    + "\"status\":\"present\",\"value\":7.5,\"unit\":\"1\"},"); // implausible value
            case 4 -> "";
            default -> "N/A";
        };
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    private int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    private Laterality side(double bilateral) {
        if (chance(bilateral)) {
            return Laterality.BILATERAL;
        }
        return random.nextBoolean() ? Laterality.LEFT : Laterality.RIGHT;
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    /** A case's findings: at most one per code (per side for measurements), in the order first recorded. */
    private final class Findings {
        private final Map<String, String> byKey = new LinkedHashMap<>();

        void present(String code, Laterality side) {
            put(code, finding(code, "present", side));
        }

        void present(String code, Laterality side, Onset onset, String[] triggers, String[] reliefs) {
            StringBuilder json = new StringBuilder(finding(code, "present", side));
            json.setLength(json.length() - 1);
            json.append(",\"onset\":\"").append(lower(onset)).append('"');
            if (triggers.length > 0) {
                json.append(",\"triggers\":").append(list(triggers));
            }
            if (reliefs.length > 0) {
                json.append(",\"reliefs\":").append(list(reliefs));
            }
            put(code, json.append('}').toString());
        }

        void absent(String code) {
            put(code, finding(code, "absent", null));
        }

        void unknown(String code) {
            put(code, finding(code, "unknown", null));
        }

        void measured(String code, Laterality side, double value, String unit) {
            String json = finding(code, "present", side);
            json = json.substring(0, json.length() - 1) + ",\"value\":" + value + ",\"unit\":\"" + unit + "\"}";
            byKey.putIfAbsent(code + "/" + side, json);
        }

        /** Present with the given probability, otherwise not recorded. */
        void maybe(String code, double probability, Laterality side) {
            if (chance(probability)) {
                present(code, side);
            }
        }

        /** Present with the given probability, otherwise absent (70%) or not recorded. */
        void maybeKnown(String code, double probability) {
            if (chance(probability)) {
                present(code, null);
            } else if (chance(0.7)) {
                absent(code);
            }
        }

        void absentIfUnrecorded(String code) {
            absent(code);
        }

        /** Records a finding present, replacing whatever was recorded for the code. */
        void replace(String code, Laterality side) {
            byKey.put(code, finding(code, "present", side));
        }

        /** Records a finding unless the code already has one. */
        void put(String code, String json) {
            if (code.equals("LEG_PAIN") && json.contains("\"onset\"")) {
                byKey.put(code, json); // the presentation's qualified pain wins over a bare mention
            } else {
                byKey.putIfAbsent(code, json);
            }
        }

        String json() {
            StringJoiner all = new StringJoiner(",", "[", "]");
            byKey.values().forEach(all::add);
            return all.toString();
        }

        private String finding(String code, String status, Laterality side) {
            return "{\"code\":\"" + code + "\",\"status\":\"" + status + "\""
                    + (side == null ? "" : ",\"laterality\":\"" + lower(side) + "\"") + "}";
        }

        private String list(String[] values) {
            StringJoiner list = new StringJoiner(",", "[", "]");
            for (String value : values) {
                list.add("\"" + value.toLowerCase(Locale.ROOT) + "\"");
            }
            return list.toString();
        }

        private String lower(Enum<?> value) {
            return value.name().toLowerCase(Locale.ROOT);
        }
    }
}
