package org.legcds.assessment;

import static org.legcds.assessment.CauseCategory.INFECTIOUS;
import static org.legcds.assessment.CauseCategory.INFLAMMATORY;
import static org.legcds.assessment.CauseCategory.NEOPLASTIC;
import static org.legcds.assessment.CauseCategory.OTHER;
import static org.legcds.assessment.CauseCategory.STRUCTURAL;
import static org.legcds.assessment.CauseCategory.SYSTEMIC;
import static org.legcds.assessment.CauseCategory.VASCULAR;

import java.util.List;
import org.legcds.facts.Code;

/**
 * Conditions the differential can hold, each with its cause category and the findings that would decide it (typically
 * the confirming test).
 */
public enum Condition {
    PERIPHERAL_ARTERY_DISEASE("Peripheral artery disease", VASCULAR,
            List.of(Code.ANKLE_BRACHIAL_INDEX, Code.DIMINISHED_FOOT_PULSES)),
    ABDOMINAL_AORTIC_ANEURYSM("Abdominal aortic aneurysm", VASCULAR, List.of(Code.PULSATILE_ABDOMINAL_MASS)),
    DIABETIC_NEUROPATHY("Peripheral neuropathy from diabetes", SYSTEMIC, List.of(Code.HBA1C, Code.GLUCOSE)),
    B12_DEFICIENCY_NEUROPATHY("Peripheral neuropathy from vitamin B12 deficiency", SYSTEMIC, List.of(Code.VITAMIN_B12)),
    ALCOHOL_RELATED_NEUROPATHY("Peripheral neuropathy from alcohol", SYSTEMIC, List.of(Code.ALCOHOL_MISUSE)),
    KIDNEY_DISEASE_NEUROPATHY("Peripheral neuropathy from chronic kidney disease", SYSTEMIC,
            List.of(Code.EGFR, Code.CREATININE)),
    MEDICATION_INDUCED_NEUROPATHY("Peripheral neuropathy from medicines (chemotherapy, some antibiotics, anti-seizure drugs)",
            SYSTEMIC, List.of()),
    HYPOTHYROID_NEUROPATHY("Peripheral neuropathy or myopathy from hypothyroidism", SYSTEMIC, List.of(Code.TSH)),
    NUTRITIONAL_NEUROPATHY("Peripheral neuropathy from nutritional deficiency (thiamine, copper, B12)", SYSTEMIC,
            List.of(Code.VITAMIN_B12)),
    PERIPHERAL_NEUROPATHY("Peripheral neuropathy, cause to be found", SYSTEMIC,
            List.of(Code.HBA1C, Code.VITAMIN_B12, Code.TSH, Code.EGFR)),
    INFLAMMATORY_POLYARTHRITIS("Inflammatory polyarthritis or rheumatoid arthritis", INFLAMMATORY,
            List.of(Code.JOINT_SWELLING, Code.JOINT_STIFFNESS)),
    LUMBAR_SPINAL_STENOSIS("Lumbar spinal stenosis", STRUCTURAL, List.of(Code.IMAGING_LUMBAR_STENOSIS)),
    SPONDYLOLISTHESIS("Spondylolisthesis", STRUCTURAL, List.of(Code.IMAGING_LUMBAR_STENOSIS)),
    HIP_OR_KNEE_OSTEOARTHRITIS("Bilateral hip or knee osteoarthritis", STRUCTURAL, List.of(Code.HIP_PAIN, Code.KNEE_PAIN)),
    DEGENERATIVE_DISC_DISEASE("Degenerative disc disease", STRUCTURAL, List.of(Code.IMAGING_NERVE_ROOT_COMPRESSION)),
    LUMBAR_RADICULOPATHY("Lumbar radiculopathy or sciatica (e.g. herniated disc)", STRUCTURAL,
            List.of(Code.STRAIGHT_LEG_RAISE_POSITIVE, Code.IMAGING_NERVE_ROOT_COMPRESSION)),
    CERVICAL_CORD_COMPRESSION("Cervical spinal cord compression", STRUCTURAL,
            List.of(Code.HAND_SYMPTOMS, Code.GAIT_DISTURBANCE)),
    SACROILIAC_JOINT_DYSFUNCTION("Sacroiliac joint dysfunction", STRUCTURAL, List.of()),
    PIRIFORMIS_SYNDROME("Piriformis syndrome", STRUCTURAL, List.of()),
    LUMBAR_PLEXOPATHY("Lumbar plexus compression", STRUCTURAL, List.of()),
    SPINAL_INFECTION("Spinal or bone infection (osteomyelitis, spondylodiscitis)", INFECTIOUS,
            List.of(Code.FEVER, Code.CHILLS)),
    INFECTIOUS_NEUROPATHY("Infection-related nerve pain (Lyme disease, shingles, HIV)", INFECTIOUS,
            List.of(Code.LYME_DISEASE, Code.HERPES_ZOSTER, Code.HIV_INFECTION)),
    TUMOUR_OR_CYST("Tumour or cyst compressing nerves or vessels", NEOPLASTIC,
            List.of(Code.WEIGHT_LOSS, Code.NIGHT_PAIN, Code.CANCER_HISTORY)),
    MULTIPLE_SCLEROSIS("Multiple sclerosis", OTHER, List.of()),
    PREGNANCY_RELATED("Pregnancy-related back and leg pain", OTHER, List.of()),
    LONG_COVID("Long COVID", OTHER, List.of()),
    MENSTRUAL_AGGRAVATION("Menstrual-cycle aggravation of back and leg pain", OTHER, List.of());

    private final String label;
    private final CauseCategory category;
    private final List<Code> decidedBy;

    Condition(String label, CauseCategory category, List<Code> decidedBy) {
        this.label = label;
        this.category = category;
        this.decidedBy = decidedBy;
    }

    /** The stable id, as in rules and JSON (the definition's id once the vocabulary is data). */
    public String id() {
        return name();
    }

    public String label() {
        return label;
    }

    public CauseCategory category() {
        return category;
    }

    /** Findings whose answer would confirm or weaken this condition. */
    public List<Code> decidedBy() {
        return decidedBy;
    }
}
