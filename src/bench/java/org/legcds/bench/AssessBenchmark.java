package org.legcds.bench;

import java.util.List;
import org.legcds.LegCds;
import org.legcds.assessment.Assessment;
import org.legcds.facts.Case;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * One assessment with the packaged knowledge base (all rules, explanations and trace on), cycling through the case mix
 * of {@link BenchCases}. Modes, threads and iterations are set by {@link Benchmarks}.
 */
public class AssessBenchmark {

    /** The engine and the cases, shared by every benchmark thread (the engine is thread-safe). */
    @State(Scope.Benchmark)
    public static class Engine {
        LegCds engine;
        Case[] cases;

        @Setup(Level.Trial)
        public void load() {
            engine = LegCds.packaged();
            List<Case> mix = BenchCases.load();
            cases = mix.toArray(Case[]::new);
        }
    }

    /** Each thread's position in the case mix; threads start apart so they do not assess the same case in step. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        @Setup(Level.Trial)
        public void start(Engine engine, ThreadParams thread) {
            next = thread.getThreadIndex() * engine.cases.length / Math.max(1, thread.getThreadCount());
        }
    }

    @Benchmark
    public Assessment assess(Engine engine, Cursor cursor) {
        Case next = engine.cases[cursor.next];
        cursor.next = cursor.next + 1 == engine.cases.length ? 0 : cursor.next + 1;
        return engine.engine.assess(next);
    }
}
