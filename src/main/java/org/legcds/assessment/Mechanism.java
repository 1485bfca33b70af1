package org.legcds.assessment;

/** The two mechanisms of claudication. */
public enum Mechanism {
    /** Arterial insufficiency: the leg muscles get too little blood during exertion. */
    VASCULAR,
    /** Compression of the nerve roots in the spinal canal (lumbar spinal stenosis). */
    NEUROGENIC
}
