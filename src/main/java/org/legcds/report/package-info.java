/**
 * Readable documents rendered from legcds results: the HTML page of one assessment with its explanation graph (SVG,
 * drawn here in Java, deterministic), and the review document of the knowledge base. Self-contained output: no
 * network, no script needed to read it.
 */
package org.legcds.report;
