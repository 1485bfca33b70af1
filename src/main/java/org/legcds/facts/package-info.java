/**
 * Facts in: the patient, their findings (a vocabulary id, a status and the qualifiers a chart records) and the
 * evaluation date. Immutable records validated on construction. A finding is present, absent, unknown or conflicting
 * (recorded both ways); anything not recorded is unknown, never absent. The ids are those of the vocabulary
 * ({@link org.legcds.vocabulary.Vocabulary}), which is data beside the rules.
 */
package org.legcds.facts;
