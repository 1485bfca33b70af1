/**
 * Facts in: the patient and their findings, each naming an entry of the knowledge base's vocabulary by its id
 * ({@link org.legcds.vocabulary.Vocabulary}). Immutable records validated on construction. A finding is present,
 * absent, unknown or conflicting (records that disagree); anything not recorded is unknown, never absent.
 */
package org.legcds.facts;
