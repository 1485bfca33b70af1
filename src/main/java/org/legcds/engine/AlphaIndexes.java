package org.legcds.engine;

import java.util.List;
import java.util.regex.Matcher;
import org.drools.model.Condition;
import org.drools.model.Constraint;
import org.drools.model.DomainClassMetadata;
import org.drools.model.Index;
import org.drools.model.Model;
import org.drools.model.Rule;
import org.drools.model.constraints.SingleConstraint1;
import org.drools.model.functions.Predicate1;
import org.drools.model.impl.DeclarationImpl;
import org.drools.model.impl.RuleImpl;
import org.drools.model.patterns.PatternImpl;
import org.drools.modelcompiler.dsl.pattern.D;
import org.legcds.facts.Code;
import org.legcds.facts.Finding;

/**
 * Lets Drools find the rules a finding can match by a hash lookup on its code instead of testing it against every rule.
 *
 * <p>Each {@code Finding(code == Code.X, ...)} in the DRL becomes an alpha node on {@code Finding}; an inserted finding
 * is tested against every such node one by one (93 of them) unless Drools hash-indexes them. It does not for these:
 * the executable-model compiler only attaches an index to a comparison with a literal ({@code 1.0}, {@code "text"}),
 * not with an enum constant such as {@code Code.X}, and Drools' alpha hashing also refuses enum-typed values (they
 * are "Object" to it). So, before the knowledge base is built, this gives each constraint that reads exactly
 * {@code code == Code.X} an index on the code's name (a String, which Drools hashes). The rule itself is unchanged:
 * the lookup only routes a finding to the node for its code, where the rule's own constraint is still tested; the
 * index is added only after checking that the constraint holds for {@code X} and for no other code.
 */
final class AlphaIndexes {

    private static final java.util.regex.Pattern CODE_EQUALS = java.util.regex.Pattern.compile(
            "\\s*code\\s*==\\s*Code\\.([A-Z][A-Z0-9_]*)\\s*");

    private AlphaIndexes() {
    }

    /** Adds the code index to the models' {@code code == Code.X} constraints on findings; returns how many. */
    static int addTo(List<Model> models) {
        int added = 0;
        for (Model model : models) {
            for (Rule rule : model.getRules()) {
                added += addTo(((RuleImpl) rule).getView());
            }
        }
        return added;
    }

    private static int addTo(Condition condition) {
        int added = 0;
        if (condition instanceof PatternImpl<?> pattern && pattern.getPatternVariable().getType() == Finding.class
                && pattern.getPatternVariable() instanceof DeclarationImpl<?> declaration
                && declaration.getMetadata() != null) {
            added += addTo(pattern.getConstraint(), declaration.getMetadata().getPropertyIndex("code"));
        }
        for (Condition sub : condition.getSubConditions()) {
            added += addTo(sub);
        }
        return added;
    }

    private static int addTo(Constraint constraint, int codeProperty) {
        if (constraint == null || codeProperty < 0) {
            return 0;
        }
        if (constraint.getType() == Constraint.Type.AND || constraint.getType() == Constraint.Type.MULTIPLE) {
            int added = 0;
            for (Constraint child : constraint.getChildren()) {
                added += addTo(child, codeProperty);
            }
            return added;
        }
        if (!(constraint instanceof SingleConstraint1<?> single) || single.getIndex() != null) {
            return 0;
        }
        Code code = comparedCode(single);
        if (code == null) {
            return 0;
        }
        single.setIndex(D.alphaIndexedBy(String.class, Index.ConstraintType.EQUAL, codeProperty,
                (Finding finding) -> finding.code().name(), code.name()));
        return 1;
    }

    /** The code a constraint reading {@code code == Code.X} compares with, if it holds for that code and no other. */
    @SuppressWarnings("unchecked")
    private static Code comparedCode(SingleConstraint1<?> constraint) {
        Matcher matcher = CODE_EQUALS.matcher(constraint.predicateInformation().getStringConstraint());
        if (!matcher.matches()) {
            return null;
        }
        Code compared;
        try {
            compared = Code.valueOf(matcher.group(1));
        } catch (IllegalArgumentException notACode) {
            return null;
        }
        Predicate1<Finding> predicate = (Predicate1<Finding>) constraint.getPredicate1();
        try {
            for (Code code : Code.values()) {
                if (predicate.test(Finding.unknown(code)) != (code == compared)) {
                    return null;
                }
            }
        } catch (Exception notTestable) {
            return null;
        }
        return compared;
    }
}
