package org.legcds.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.legcds.LegCds;

/**
 * Run in a fresh JVM by {@link Benchmarks}: the heap a loaded knowledge base keeps. Prints one line
 * {@code first=<bytes> retained=<bytes>}: the heap added by loading the packaged engine the first time (the knowledge
 * base plus whatever Drools initialises once per JVM), and the heap one more loaded engine keeps (the knowledge base
 * alone). Heap used is read after repeated full collections.
 */
public final class HeapProbe {

    private HeapProbe() {
    }

    public static void main(String[] args) {
        long empty = settledHeap();
        LegCds first = LegCds.packaged();
        long withFirst = settledHeap();
        LegCds second = LegCds.packaged();
        long withSecond = settledHeap();
        if (first.rules().size() != second.rules().size()) {
            throw new IllegalStateException("the two loads differ");
        }
        System.out.printf("first=%d retained=%d%n", withFirst - empty, withSecond - withFirst);
    }

    private static long settledHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            System.runFinalization();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
