package org.legcds.assessment;

/** The dangers a red-flag check looks for. Each check either fires, is ruled out, or is reported as not evaluated. */
public enum RedFlagCheck {
    CAUDA_EQUINA_SYNDROME("Cauda equina syndrome"),
    ACUTE_LIMB_ISCHAEMIA("Acute limb ischaemia"),
    SERIOUS_INFECTION("Serious infection"),
    ABDOMINAL_AORTIC_ANEURYSM("Abdominal aortic aneurysm"),
    MALIGNANCY("Malignancy (tumour or metastasis)"),
    PROGRESSIVE_NEUROLOGICAL_DEFICIT("Progressive neurological deficit"),
    SEVERE_PAIN_AND_SWELLING("Severe pain with swelling"),
    CERVICAL_MYELOPATHY("Cervical spinal cord compression (myelopathy)"),
    CHRONIC_LIMB_THREATENING_ISCHAEMIA("Chronic limb-threatening ischaemia");

    private final String label;

    RedFlagCheck(String label) {
        this.label = label;
    }

    /** The stable id, as in rules and JSON (the definition's id once the vocabulary is data). */
    public String id() {
        return name();
    }

    public String label() {
        return label;
    }
}
