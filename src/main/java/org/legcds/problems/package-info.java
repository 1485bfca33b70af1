/**
 * The ground floor: what goes wrong, named for the person who must fix it. {@link org.legcds.problems.Problem} is one
 * problem (where, what was found, what was expected); {@link org.legcds.problems.InvalidCaseException} (a case that
 * does not fit the knowledge base), {@link org.legcds.problems.RuleCompilationException} (rules that do not compile)
 * and {@link org.legcds.problems.SafetyGateException} (rules the safety gate refuses) carry them. Every other package
 * may depend on this one; it depends on none of them. {@link org.legcds.problems.Escaping} makes text from input
 * safe to print in any of them.
 */
package org.legcds.problems;
