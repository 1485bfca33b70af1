/**
 * An example CDS Hooks 2.0 service built on legcds: discovery, {@code patient-view} and {@code order-select}, feedback;
 * signed-JWT authentication of the EHR; prefetch read by the legcds FHIR reader, or fetched from the EHR's FHIR server.
 */
package org.legcds.examples.cdshooks;
