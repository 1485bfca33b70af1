package org.legcds.facts;

/** What brings a symptom on or makes it worse, as the source documents reason with it. */
public enum Trigger {
    WALKING, STANDING, LYING_DOWN, EXERTION, REST, STAIRS, RISING_FROM_SITTING, MENSTRUAL_CYCLE
}
