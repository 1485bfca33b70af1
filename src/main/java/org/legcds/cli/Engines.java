package org.legcds.cli;

import java.nio.file.Path;
import org.legcds.LegCds;
import org.legcds.RuleCompilationException;

/** How every command gets its engine: the packaged rules, or a rules directory compiled now. */
final class Engines {

    private Engines() {
    }

    /**
     * The packaged engine when {@code rulesDir} is null, else the rules in that directory.
     *
     * @throws Failure exit 3 when the rules do not compile, exit 2 when the directory or its metadata is unusable
     */
    static LegCds load(Path rulesDir) {
        try {
            return rulesDir == null ? LegCds.packaged() : LegCds.fromDirectory(rulesDir);
        } catch (RuleCompilationException e) {
            throw Failure.lines(Main.RULES_DO_NOT_COMPILE, e.getMessage()); // each error escaped, one a line
        } catch (IllegalArgumentException e) {
            throw new Failure(Main.BAD_INPUT, e.getMessage());
        }
    }
}
