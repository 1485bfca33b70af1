package org.legcds.assessment;

import static org.legcds.assessment.StepKind.CAUTION;
import static org.legcds.assessment.StepKind.EXAMINATION;
import static org.legcds.assessment.StepKind.MANAGEMENT;
import static org.legcds.assessment.StepKind.REFERRAL;
import static org.legcds.assessment.StepKind.TEST;

/** Next steps a rule can recommend: examinations, tests, management, referrals and cautions. */
public enum Step {
    // examinations
    CHECK_FOOT_PULSES(EXAMINATION, "Examine foot pulses, skin colour and temperature of both legs"),
    NEUROLOGICAL_EXAMINATION(EXAMINATION, "Neurological examination of the legs: power, reflexes, sensation"),
    SADDLE_SENSATION_AND_BLADDER_CHECK(EXAMINATION,
            "Ask about bladder, bowel and sexual function; test saddle sensation; post-void bladder scan"),
    // tests
    ANKLE_BRACHIAL_INDEX(TEST, "Ankle-brachial index (ABI), both legs"),
    EXERCISE_ANKLE_BRACHIAL_INDEX(TEST, "Exercise (treadmill) ankle-brachial index"),
    TOE_BRACHIAL_INDEX(TEST, "Toe-brachial index (toe pressures)"),
    EMERGENCY_MRI_LUMBOSACRAL_SPINE(TEST, "Emergency MRI of the lumbosacral spine (same day)"),
    MRI_LUMBAR_SPINE(TEST, "MRI (or CT) of the lumbar spine"),
    MRI_CERVICAL_SPINE(TEST, "MRI of the cervical spine"),
    GLUCOSE_AND_HBA1C(TEST, "Blood glucose and HbA1c"),
    VITAMIN_B12_LEVEL(TEST, "Serum vitamin B12"),
    THIAMINE_AND_COPPER_LEVELS(TEST, "Thiamine and copper levels"),
    THYROID_FUNCTION(TEST, "Thyroid function (TSH)"),
    KIDNEY_FUNCTION(TEST, "Kidney function (creatinine, eGFR)"),
    INFECTION_WORKUP(TEST, "Blood count, inflammatory markers and blood cultures"),
    URGENT_MRI_WHOLE_SPINE(TEST, "MRI of the whole spine within 24 hours"),
    MYELOMA_SCREEN(TEST, "Full blood count, serum calcium and ESR (myeloma screen)"),
    DVT_ASSESSMENT(TEST, "Assess for deep vein thrombosis: Wells score, then compression ultrasound or D-dimer"),
    // management
    SUPERVISED_EXERCISE(MANAGEMENT, "Supervised walking-exercise programme"),
    SMOKING_CESSATION(MANAGEMENT, "Stop smoking, with support"),
    CARDIOVASCULAR_RISK_CONTROL(MANAGEMENT, "Control blood pressure, cholesterol, diabetes and weight"),
    PHYSICAL_THERAPY(MANAGEMENT, "Physical therapy for back strength and flexibility"),
    NSAIDS(MANAGEMENT, "Non-steroidal anti-inflammatory drugs for pain, if not contraindicated"),
    EPIDURAL_STEROID_INJECTION(MANAGEMENT, "Epidural steroid injection near the compressed nerve"),
    NUTRITIONAL_REPLACEMENT(MANAGEMENT, "Replace the deficient vitamin or mineral"),
    DIABETES_MANAGEMENT(MANAGEMENT, "Optimise diabetes control"),
    GENTLE_EXERCISE_AND_STRETCHES(MANAGEMENT,
            "Gentle exercise (walking, swimming) and stretches (knee to chest, figure four, child's pose, piriformis, pelvic tilts)"),
    HEAT_AND_COLD(MANAGEMENT, "Alternate heat and cold packs"),
    NEUROPATHIC_PAIN_MEDICINE(MANAGEMENT,
            "First-line neuropathic pain medicine: amitriptyline, duloxetine, gabapentin or pregabalin"),
    MUSCLE_RELAXANT(MANAGEMENT, "Short course of a muscle relaxant for muscle spasm"),
    // referrals
    EMERGENCY_SPINAL_SURGICAL_REVIEW(REFERRAL, "Same-day emergency spinal surgical review"),
    EMERGENCY_VASCULAR_SURGERY(REFERRAL, "Vascular surgery today (emergency)"),
    EMERGENCY_HOSPITAL_ASSESSMENT(REFERRAL, "Emergency hospital assessment now"),
    URGENT_MEDICAL_EVALUATION(REFERRAL, "Urgent medical evaluation (same or next day)"),
    IMMEDIATE_EMERGENCY_TRANSFER(REFERRAL, "Immediate emergency transfer (suspected symptomatic or ruptured aneurysm)"),
    URGENT_VASCULAR_REFERRAL(REFERRAL, "Urgent vascular surgical referral (within days)"),
    URGENT_SPINAL_REFERRAL(REFERRAL, "Urgent spinal surgical referral"),
    VASCULAR_SPECIALIST(REFERRAL, "Refer to a vascular specialist"),
    SPINE_SPECIALIST(REFERRAL, "Refer to a spine specialist (physiatrist or spine surgeon)"),
    NEUROLOGIST(REFERRAL, "Refer to a neurologist"),
    RHEUMATOLOGIST(REFERRAL, "Refer to a rheumatologist"),
    // cautions
    AVOID_NSAIDS_IN_PREGNANCY(CAUTION, "Avoid NSAIDs in pregnancy from about 20 weeks"),
    AVOID_GABAPENTINOIDS_IN_SCIATICA(CAUTION,
            "Do not offer gabapentinoids, other anti-seizure drugs, oral steroids or benzodiazepines for sciatica"),
    NO_EPIDURAL_FOR_CENTRAL_STENOSIS(CAUTION,
            "Epidural injections are not recommended for neurogenic claudication from central canal stenosis");

    private final StepKind kind;
    private final String label;

    Step(StepKind kind, String label) {
        this.kind = kind;
        this.label = label;
    }

    public StepKind kind() {
        return kind;
    }

    /** The stable id, as in rules and JSON (the definition's id once the vocabulary is data). */
    public String id() {
        return name();
    }

    public String label() {
        return label;
    }
}
