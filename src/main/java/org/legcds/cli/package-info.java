/** The {@code legcds} command line (picocli): assess, batch, check, vocabulary, test, rules. Not part of the library API. */
package org.legcds.cli;
