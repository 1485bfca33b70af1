/**
 * FHIR R4 input: reads a Bundle or a list of resources (Patient, Condition, Observation, MedicationRequest,
 * MedicationStatement, MedicationAdministration with their Medication, Procedure) into a {@link org.legcds.facts.Case},
 * through code maps (SNOMED CT, ICD-10-CM, LOINC, RxNorm) kept as CSV files that clinical informaticians edit.
 *
 * <p>Needs {@code ca.uhn.hapi.fhir:hapi-fhir-structures-r4} on the class path: the library declares it optional, so a
 * host that uses this package adds it (see the README, "Embedding with FHIR").
 */
package org.legcds.fhir;
