package org.legcds.facts;

/**
 * What relieves a symptom. {@link #STANDING_STILL} (stopping without changing posture) points to vascular claudication;
 * {@link #SITTING} and {@link #LEANING_FORWARD} (spinal flexion) point to neurogenic claudication.
 */
public enum Relief {
    STANDING_STILL, SITTING, LEANING_FORWARD, REST, MOVEMENT, LYING_DOWN
}
