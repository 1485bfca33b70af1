package org.legcds.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.AlphaNode;
import org.drools.core.reteoo.CompositeObjectSinkAdapter;
import org.drools.core.reteoo.ObjectTypeNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.legcds.facts.Finding;

/**
 * A finding reaches the rules about its code by a hash lookup, not by being tested against every rule's code in turn
 * (see {@link AlphaIndexes}). Checked on the network Drools built: a Drools upgrade or a change in how the rules are
 * loaded that quietly loses the index would only show as slower assessments otherwise.
 */
@DisplayName("Rules about one finding code are found by a hash lookup on the code")
class AlphaIndexesTest {

    @Test
    void thePackagedRulesLookUpEverySingleCodeConditionByHash() {
        assertEverySingleCodeConditionHashed(KnowledgeBase.packaged().kieBase());
    }

    @Test
    void aCompiledRulesDirectoryLooksThemUpByHashToo() {
        assertEverySingleCodeConditionHashed(KnowledgeBase.compile(Path.of("rules")).kieBase());
    }

    private static void assertEverySingleCodeConditionHashed(KieBase kieBase) {
        CompositeObjectSinkAdapter findingSinks = findingSinks(kieBase);
        List<String> scanned = findingSinks.getOthers().stream()
                .filter(AlphaNode.class::isInstance)
                .map(node -> ((AlphaNode) node).getConstraint().toString())
                .filter(text -> text.matches(".*, code == Code\\.[A-Z0-9_]+]$"))
                .toList();

        assertEquals(List.of(), scanned, "single-code conditions still tested one by one");
        assertTrue(findingSinks.getHashedSinkMap() != null && findingSinks.getHashedSinkMap().size() > 40,
                "single-code conditions are in the hash index: " + findingSinks.getHashedSinkMap());
    }

    private static CompositeObjectSinkAdapter findingSinks(KieBase kieBase) {
        for (ObjectTypeNode node : ((InternalRuleBase) kieBase).getRete().getObjectTypeNodes()) {
            if (node.getObjectType().getClassName().equals(Finding.class.getName())) {
                return (CompositeObjectSinkAdapter) node.getObjectSinkPropagator();
            }
        }
        throw new AssertionError("no object type node for Finding");
    }
}
