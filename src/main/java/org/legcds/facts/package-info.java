/**
 * Facts in: the patient, their findings and the closed vocabulary ({@link org.legcds.facts.Code}) that findings and rules
 * share. Immutable records validated on construction. A finding is present, absent or unknown; anything not recorded is
 * unknown, never absent.
 */
package org.legcds.facts;
