/**
 * CDS Hooks 2.0 at the edge: an {@link org.legcds.assessment.Assessment} as the cards of a CDS Service response
 * ({@link org.legcds.cdshooks.CdsCards}). Records model the response exactly as the specification names it
 * (https://cds-hooks.hl7.org/2.0/#cds-service-response) and are written with Jackson so that no field is ever null or
 * empty, as the specification requires. No HTTP and no FHIR library here: a host's service does that. The records are
 * immutable and validated on construction; {@link org.legcds.cdshooks.CdsCards} is stateless and thread-safe.
 */
package org.legcds.cdshooks;
