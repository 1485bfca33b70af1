package org.legcds.cli;

import java.nio.file.Path;
import org.legcds.LegCds;
import org.legcds.engine.RuleSet;
import org.legcds.engine.SafetyGate;
import org.legcds.problems.RuleCompilationException;
import org.legcds.problems.SafetyGateException;

/** How every command gets its engine: the packaged rules, or a rules directory compiled now. */
final class Engines {

    private Engines() {
    }

    /**
     * The packaged engine when {@code rulesDir} is null (it passed the safety gate when it was built), else the rules
     * in that directory, which must pass the safety gate to assess anyone.
     *
     * @throws Failure exit 3 when the rules do not compile, exit 5 when the safety gate refuses them, exit 2 when the
     *                 directory or its metadata is unusable
     */
    static LegCds load(Path rulesDir) {
        return load(rulesDir, true);
    }

    /**
     * As {@link #load(Path)}; without the gate for commands that assess no one ({@code test}: it is how an edited copy
     * is tried against the scenarios; {@code rules}: the catalogue).
     */
    static LegCds load(Path rulesDir, boolean gated) {
        try {
            if (rulesDir == null) {
                return LegCds.packaged();
            }
            LegCds engine = LegCds.fromDirectory(rulesDir);
            if (gated) {
                SafetyGate.check(rulesDir, RuleSet.read(rulesDir));
            }
            return engine;
        } catch (SafetyGateException e) {
            throw Failure.lines(Main.REFUSED_BY_SAFETY_GATE, e.getMessage()); // each problem escaped, one a line
        } catch (RuleCompilationException e) {
            throw Failure.lines(Main.RULES_DO_NOT_COMPILE, e.getMessage()); // each error escaped, one a line
        } catch (IllegalArgumentException e) {
            throw new Failure(Main.BAD_INPUT, e.getMessage());
        }
    }
}
