package org.legcds.facts;

/** A standard clinical terminology that vocabulary items map to. */
public enum Terminology {
    SNOMED_CT("http://snomed.info/sct"), LOINC("http://loinc.org"), NONE(null);

    private final String uri;

    Terminology(String uri) {
        this.uri = uri;
    }

    /** The FHIR system URI, or {@code null} for {@link #NONE}. */
    public String uri() {
        return uri;
    }
}
