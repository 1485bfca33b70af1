/**
 * The public API of legcds: {@link org.legcds.LegCds} (the engine), {@link org.legcds.CaseSession} (one patient's live
 * assessment), {@link org.legcds.ReloadableEngine} (an engine whose rules directory can be reloaded while it serves,
 * with its {@link org.legcds.ReloadResult}). Facts go in through {@link org.legcds.facts}; results come out as
 * {@link org.legcds.assessment.Assessment}; what goes wrong is thrown as one of the exceptions of
 * {@link org.legcds.problems}.
 *
 * <p>legcds supports clinicians; it does not diagnose patients.
 */
package org.legcds;
