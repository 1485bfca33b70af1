/**
 * The clinical vocabulary as data: the findings, modifiers (triggers, reliefs, body sites), conditions, next steps,
 * red-flag checks and named thresholds a knowledge base reasons with, read from the YAML files of its
 * {@code vocabulary/} folder. Informaticians add clinical content there, beside the rules; no Java changes. Everything
 * here is immutable and thread-safe.
 */
package org.legcds.vocabulary;
