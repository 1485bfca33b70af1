/**
 * Internal: loading and compiling the knowledge base (precompiled executable model or a rules directory), running one
 * patient's Drools session, recording which rule drew which conclusion from which facts, and assembling the assessment.
 * Not part of the public API; it may change in any release.
 */
package org.legcds.engine;
