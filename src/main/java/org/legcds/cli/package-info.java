/** The {@code legcds} command line (picocli): assess, check, vocabulary. Not part of the library API. */
package org.legcds.cli;
