package org.legcds.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.drools.core.common.InternalFactHandle;
import org.drools.tms.LogicalDependency;
import org.drools.tms.SimpleMode;
import org.drools.tms.TruthMaintenanceSystemEqualityKey;
import org.drools.tms.beliefsystem.BeliefSet;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.Match;

/**
 * Reads a logically inserted fact's justifications from Drools' truth maintenance system. The only place legcds touches
 * Drools internals (drools-tms); pinned by the Drools version in the POM and covered by the explanation tests.
 */
final class Justifications {

    private Justifications() {
    }

    /**
     * The justifications of the fact with this handle (none for a fact without a belief set, or a null handle), each
     * turned into a support by {@code describe}.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static List<Recorder.Support> of(FactHandle handle, Function<Match, Recorder.Support> describe) {
        if (!(handle instanceof InternalFactHandle internal)
                || !(internal.getEqualityKey() instanceof TruthMaintenanceSystemEqualityKey key)) {
            return List.of();
        }
        BeliefSet beliefs = key.getBeliefSet();
        if (beliefs == null) {
            return List.of();
        }
        List<Recorder.Support> supports = new ArrayList<>();
        for (SimpleMode mode = (SimpleMode) beliefs.getFirst(); mode != null; mode = mode.getNext()) {
            LogicalDependency<SimpleMode> dependency = mode.getObject();
            Match match = dependency.getJustifier();
            supports.add(describe.apply(match));
        }
        return supports;
    }
}
