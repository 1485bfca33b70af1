package org.legcds.assessment;

/** The kind of walking-induced leg pain. */
public enum ClaudicationType {
    /** Peripheral artery disease: brought on by walking, relieved within minutes by standing still. */
    VASCULAR,
    /** Lumbar spinal stenosis: brought on by standing or walking, relieved by sitting or leaning forward. */
    NEUROGENIC,
    /** Both mechanisms are supported by the findings. */
    MIXED,
    /** Walking-induced pain whose mechanism the findings do not yet decide. */
    INDETERMINATE,
    /** Walking-induced leg pain is recorded as absent. */
    NONE
}
