package org.legcds.facts;

import static org.legcds.facts.CodeKind.HISTORY;
import static org.legcds.facts.CodeKind.MEDICATION;
import static org.legcds.facts.CodeKind.SIGN;
import static org.legcds.facts.CodeKind.SYMPTOM;
import static org.legcds.facts.CodeKind.TEST_RESULT;
import static org.legcds.facts.Terminology.LOINC;
import static org.legcds.facts.Terminology.NONE;
import static org.legcds.facts.Terminology.SNOMED_CT;

import java.util.List;
import java.util.Optional;

/**
 * The project's closed vocabulary: every symptom, sign, history item, test result and medicine the source documents
 * reason about. Rules speak only this vocabulary; standard codes (SNOMED CT, LOINC) are given where one is known and
 * are used at the edges (FHIR mapping), never inside rules.
 *
 * <p>Measurements ({@link #isMeasurement()}) carry the units they accept and a plausible range; a value outside it is
 * rejected as bad input rather than guessed at.
 */
public enum Code {
    // --- the presenting symptom and its character -------------------------------------------------------------
    LEG_PAIN(SYMPTOM, "Leg pain (qualify with laterality, onset, what brings it on and what relieves it)", SNOMED_CT, "10601006"),
    LOW_BACK_PAIN(SYMPTOM, "Low back pain", SNOMED_CT, "279039007"),
    RADIATING_LEG_PAIN(SYMPTOM, "Pain radiating from the lower back or buttock down the leg", NONE, null),
    CALF_PAIN(SYMPTOM, "Pain felt in the calf", NONE, null),
    THIGH_PAIN(SYMPTOM, "Pain felt in the thigh", NONE, null),
    BUTTOCK_PAIN(SYMPTOM, "Pain felt in the buttock", NONE, null),
    ANTERIOR_THIGH_PAIN(SYMPTOM, "Pain along the front of the thigh", NONE, null),
    HIP_PAIN(SYMPTOM, "Hip joint pain", SNOMED_CT, "49218002"),
    KNEE_PAIN(SYMPTOM, "Knee joint pain", SNOMED_CT, "30989003"),
    FOOT_PAIN(SYMPTOM, "Foot pain (ache or burning)", SNOMED_CT, "47933007"),
    CRAMPING_PAIN(SYMPTOM, "Cramping, deep aching or fatigue in the leg muscles", NONE, null),
    BURNING_PAIN(SYMPTOM, "Burning pain", NONE, null),
    PARESTHESIA(SYMPTOM, "Tingling, pins and needles or prickling", SNOMED_CT, "91019004"),
    NUMBNESS(SYMPTOM, "Numbness or loss of sensation in the leg", SNOMED_CT, "44077006"),
    LEG_WEAKNESS(SYMPTOM, "Leg weakness or heaviness", SNOMED_CT, "26544005"),
    FOOT_DROP(SIGN, "Foot drop (difficulty lifting the foot)", SNOMED_CT, "6077001"),
    PROGRESSIVE_WEAKNESS(SYMPTOM, "Leg weakness that is getting worse", NONE, null),
    PROGRESSIVE_NUMBNESS(SYMPTOM, "Leg numbness that is getting worse or spreading", NONE, null),
    SEVERE_LEG_PAIN(SYMPTOM, "Severe leg pain", NONE, null),
    EXCRUCIATING_BACK_PAIN(SYMPTOM, "Excruciating back pain", NONE, null),
    NIGHT_PAIN(SYMPTOM, "Pain at night or when lying down that does not settle", NONE, null),
    LEG_SWELLING(SIGN, "Swelling of the leg", SNOMED_CT, "449614009"),

    // --- distribution -----------------------------------------------------------------------------------------
    SYMMETRIC_SYMPTOMS(SIGN, "Symptoms mirror each other in both legs", NONE, null),
    STOCKING_GLOVE_SYMPTOMS(SIGN, "Sensory symptoms that started in the feet (and hands) and spread upward", NONE, null),
    DERMATOMAL_DISTRIBUTION(SIGN, "Pain or numbness following a nerve-root (dermatomal) path", NONE, null),

    // --- claudication -----------------------------------------------------------------------------------------
    SHOPPING_CART_SIGN(SIGN, "Walks further leaning forward on a shopping cart (relief by flexion)", NONE, null),
    DIMINISHED_FOOT_PULSES(SIGN, "Diminished or absent foot pulses on examination", NONE, null),
    ABSENT_FOOT_PULSE(SIGN, "Foot pulse absent or cannot be felt", NONE, null),

    // --- limb perfusion ---------------------------------------------------------------------------------------
    COLD_LIMB(SIGN, "Foot or leg cold to the touch", NONE, null),
    PALE_OR_BLUE_LIMB(SIGN, "Foot or leg pale or blue", NONE, null),

    // --- red-flag symptoms ------------------------------------------------------------------------------------
    BLADDER_DYSFUNCTION(SYMPTOM, "New loss of bladder control, urinary retention or difficulty passing urine", NONE, null),
    URINARY_HESITANCY(SYMPTOM, "New urinary hesitancy or poor stream", SNOMED_CT, "5972002"),
    ALTERED_URINARY_SENSATION(SYMPTOM, "Altered or reduced sensation when passing urine", NONE, null),
    BOWEL_DYSFUNCTION(SYMPTOM, "New loss of bowel control or bowel sensation", SNOMED_CT, "72042002"),
    SADDLE_ANAESTHESIA(SIGN, "Numbness in the saddle area (perineum, buttocks, inner thighs)", NONE, null),
    FEVER(SIGN, "Fever (unexplained)", SNOMED_CT, "386661006"),
    CHILLS(SYMPTOM, "Chills or rigors", SNOMED_CT, "43724002"),
    SPREADING_REDNESS(SIGN, "Spreading redness of the skin", NONE, null),
    WEIGHT_LOSS(SYMPTOM, "Unexplained weight loss", SNOMED_CT, "89362005"),
    LOSS_OF_APPETITE(SYMPTOM, "Loss of appetite", SNOMED_CT, "79890006"),
    NAUSEA(SYMPTOM, "Nausea", SNOMED_CT, "422587007"),
    PULSATILE_ABDOMINAL_MASS(SIGN, "Pulsatile mass in the abdomen", NONE, null),

    // --- neurological signs beyond the lumbar spine -----------------------------------------------------------
    HAND_SYMPTOMS(SYMPTOM, "Numbness, tingling or clumsiness of the hands", NONE, null),
    GAIT_DISTURBANCE(SIGN, "Unsteady or spastic gait", SNOMED_CT, "22325002"),
    STRAIGHT_LEG_RAISE_POSITIVE(SIGN, "Positive straight-leg raise test", NONE, null),

    // --- joints -----------------------------------------------------------------------------------------------
    JOINT_SWELLING(SIGN, "Swelling of several joints (ankles, knees, hips) on both sides", NONE, null),
    JOINT_STIFFNESS(SYMPTOM, "Joint stiffness, worse after rest", SNOMED_CT, "84445001"),

    // --- history ----------------------------------------------------------------------------------------------
    DIABETES(HISTORY, "Diabetes mellitus", SNOMED_CT, "73211009"),
    SMOKING(HISTORY, "Smoker (current or former)", SNOMED_CT, "77176002"),
    HYPERTENSION(HISTORY, "High blood pressure", SNOMED_CT, "38341003"),
    HIGH_CHOLESTEROL(HISTORY, "High cholesterol", SNOMED_CT, "13644009"),
    CHRONIC_KIDNEY_DISEASE(HISTORY, "Chronic kidney disease", SNOMED_CT, "709044004"),
    HYPOTHYROIDISM(HISTORY, "Hypothyroidism", SNOMED_CT, "40930008"),
    ALCOHOL_MISUSE(HISTORY, "Alcohol misuse", SNOMED_CT, "15167005"),
    B12_DEFICIENCY(HISTORY, "Known vitamin B12 deficiency", SNOMED_CT, "190634004"),
    BARIATRIC_SURGERY(HISTORY, "Previous bariatric (weight-loss) surgery", NONE, null),
    CANCER_HISTORY(HISTORY, "History of cancer", SNOMED_CT, "363346000"),
    RHEUMATOID_ARTHRITIS(HISTORY, "Rheumatoid arthritis or inflammatory polyarthritis", SNOMED_CT, "69896004"),
    MULTIPLE_SCLEROSIS(HISTORY, "Multiple sclerosis", SNOMED_CT, "24700007"),
    LYME_DISEASE(HISTORY, "Lyme disease", SNOMED_CT, "23502006"),
    HERPES_ZOSTER(HISTORY, "Shingles (herpes zoster)", SNOMED_CT, "4740000"),
    HIV_INFECTION(HISTORY, "HIV infection", SNOMED_CT, "86406008"),
    LONG_COVID(HISTORY, "Long COVID (post-COVID-19 condition)", NONE, null),
    HIP_OSTEOARTHRITIS(HISTORY, "Osteoarthritis of the hip", SNOMED_CT, "239872002"),
    KNEE_OSTEOARTHRITIS(HISTORY, "Osteoarthritis of the knee", SNOMED_CT, "239873007"),
    SPINAL_STENOSIS(HISTORY, "Known lumbar spinal stenosis", SNOMED_CT, "18347007"),
    SPONDYLOLISTHESIS(HISTORY, "Spondylolisthesis", SNOMED_CT, "274152003"),
    DEGENERATIVE_DISC_DISEASE(HISTORY, "Degenerative disc disease", SNOMED_CT, "77547008"),
    HERNIATED_DISC(HISTORY, "Herniated lumbar disc", NONE, null),
    PERIPHERAL_ARTERY_DISEASE(HISTORY, "Known peripheral artery disease", SNOMED_CT, "399957001"),
    AORTIC_ANEURYSM(HISTORY, "Known abdominal aortic aneurysm", SNOMED_CT, "233985008"),
    RECENT_TRAUMA(HISTORY, "Recent trauma to the back or legs", NONE, null),

    // --- medicines --------------------------------------------------------------------------------------------
    METFORMIN(MEDICATION, "Long-term metformin", SNOMED_CT, "372567009"),
    CHEMOTHERAPY(MEDICATION, "Chemotherapy (current or past)", NONE, null),
    NEUROTOXIC_ANTIBIOTIC(MEDICATION, "Antibiotic known to damage nerves (e.g. metronidazole, nitrofurantoin, fluoroquinolone)", NONE, null),
    ANTISEIZURE_MEDICATION(MEDICATION, "Anti-seizure medicine known to damage nerves (e.g. phenytoin)", NONE, null),

    // --- test results -----------------------------------------------------------------------------------------
    ANKLE_BRACHIAL_INDEX(TEST_RESULT, "Ankle-brachial index (per leg)", NONE, null, List.of("1"), 0.0, 3.0),
    EXERCISE_ANKLE_BRACHIAL_INDEX(TEST_RESULT, "Ankle-brachial index after treadmill exercise (per leg)", NONE, null, List.of("1"), 0.0, 3.0),
    TOE_BRACHIAL_INDEX(TEST_RESULT, "Toe-brachial index (per leg)", NONE, null, List.of("1"), 0.0, 2.0),
    HBA1C(TEST_RESULT, "Haemoglobin A1c", LOINC, "4548-4", List.of("%", "mmol/mol"), 2.0, 200.0),
    GLUCOSE(TEST_RESULT, "Blood glucose", LOINC, "2345-7", List.of("mg/dL", "mmol/L"), 0.5, 2000.0),
    VITAMIN_B12(TEST_RESULT, "Serum vitamin B12", LOINC, "2132-9", List.of("pg/mL", "pmol/L"), 0.0, 20000.0),
    TSH(TEST_RESULT, "Thyroid-stimulating hormone", LOINC, "3016-3", List.of("mIU/L"), 0.0, 500.0),
    EGFR(TEST_RESULT, "Estimated glomerular filtration rate", LOINC, "33914-3", List.of("mL/min/1.73m2"), 0.0, 200.0),
    CREATININE(TEST_RESULT, "Serum creatinine", LOINC, "2160-0", List.of("mg/dL", "umol/L"), 0.0, 3000.0),
    IMAGING_LUMBAR_STENOSIS(TEST_RESULT, "MRI or CT shows lumbar canal or foraminal narrowing", NONE, null),
    IMAGING_NERVE_ROOT_COMPRESSION(TEST_RESULT, "MRI or CT shows nerve-root compression (e.g. disc herniation)", NONE, null);

    private final CodeKind kind;
    private final String label;
    private final Terminology system;
    private final String systemCode;
    private final List<String> units;
    private final double min;
    private final double max;

    Code(CodeKind kind, String label, Terminology system, String systemCode) {
        this(kind, label, system, systemCode, List.of(), Double.NaN, Double.NaN);
    }

    Code(CodeKind kind, String label, Terminology system, String systemCode, List<String> units, double min, double max) {
        this.kind = kind;
        this.label = label;
        this.system = system;
        this.systemCode = systemCode;
        this.units = units;
        this.min = min;
        this.max = max;
    }

    public CodeKind kind() {
        return kind;
    }

    /** The stable id, as in rules and JSON (the definition's id once the vocabulary is data). */
    public String id() {
        return name();
    }

    /** A clinician-readable label. */
    public String label() {
        return label;
    }

    /** The standard terminology of {@link #systemCode()}, {@link Terminology#NONE} where we know of no exact code. */
    public Terminology system() {
        return system;
    }

    /** The SNOMED CT concept id or LOINC code, or {@code null}. */
    public String systemCode() {
        return systemCode;
    }

    /** Whether findings with this code carry a numeric value. */
    public boolean isMeasurement() {
        return !units.isEmpty();
    }

    /** Accepted units, empty for non-measurements. */
    public List<String> units() {
        return units;
    }

    /** Lowest plausible value (NaN for non-measurements). */
    public double min() {
        return min;
    }

    /** Highest plausible value (NaN for non-measurements). */
    public double max() {
        return max;
    }

    /** Looks a code up by its name, ignoring case. */
    public static Optional<Code> parse(String name) {
        return Spelling.parse(Code.class, name);
    }

    /** The known codes nearest to a misspelt one, nearest first, to help whoever wrote it. */
    public static List<Code> nearest(String name, int limit) {
        return Spelling.nearest(name, values(), limit);
    }
}
