package org.legcds;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Test fixture: a gate a rule's consequence can call ({@code org.legcds.Gate.pass();}) to hold an assessment in flight
 * until the test opens it. Public because compiled rules call it. Open unless a test {@link #close()}s it.
 */
public final class Gate {

    private static volatile CountDownLatch arrived = new CountDownLatch(1);
    private static volatile CountDownLatch open = new CountDownLatch(0);

    private Gate() {
    }

    /** Holds the calling assessment until the gate is open (at most two minutes). */
    public static void pass() {
        arrived.countDown();
        try {
            if (!open.await(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the gate was never opened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void close() {
        arrived = new CountDownLatch(1);
        open = new CountDownLatch(1);
    }

    static boolean awaitArrival(long seconds) throws InterruptedException {
        return arrived.await(seconds, TimeUnit.SECONDS);
    }

    static void open() {
        open.countDown();
    }
}
