package org.legcds.vocabulary;

/**
 * A code in a standard terminology, as FHIR writes it.
 *
 * @param system the terminology's URI, e.g. {@value #SNOMED_CT}
 * @param code   the code
 */
public record StandardCode(String system, String code) {
    /** The SNOMED CT system URI. */
    public static final String SNOMED_CT = "http://snomed.info/sct";
    /** The LOINC system URI. */
    public static final String LOINC = "http://loinc.org";
}
