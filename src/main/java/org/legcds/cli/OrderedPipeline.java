package org.legcds.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs work on many threads and hands the results back in input order, holding a bounded number of items at a time.
 *
 * <p>A reader thread takes items from the source and submits each to a fixed pool of workers; their futures go, in
 * input order, into a queue of {@code window} slots; the calling thread takes the futures in that order and passes each
 * result to the sink. When the queue is full the reader waits, so at most {@code window} items (plus one per worker
 * in flight) are in memory however long the input is.
 *
 * @param <I> an input item
 * @param <O> the result of working on one item
 */
final class OrderedPipeline<I, O> {

    /** Gives the items one by one; null at the end. Called from one thread only. */
    interface Source<I> {
        I next() throws IOException;
    }

    /** Takes the results in input order. Called from the thread that called {@link #run}. */
    interface Sink<O> {
        void accept(O result) throws IOException;
    }

    private static final Future<Object> END = CompletableFuture.completedFuture(null);

    private final int threads;
    private final int window;

    OrderedPipeline(int threads, int window) {
        if (threads < 1 || window < 1) {
            throw new IllegalArgumentException("threads and window must be at least 1: " + threads + ", " + window);
        }
        this.threads = threads;
        this.window = window;
    }

    /**
     * Works through the whole source. {@code work} must not throw for an item it can report (it should turn such an
     * item into a result); anything it throws stops the run.
     *
     * @throws IOException when the source cannot be read or the sink cannot write
     */
    @SuppressWarnings("unchecked")
    void run(Source<I> source, Function<I, O> work, Sink<O> sink) throws IOException {
        BlockingQueue<Future<O>> queue = new ArrayBlockingQueue<>(window);
        ExecutorService workers = Executors.newFixedThreadPool(threads, daemons("legcds-batch-worker-"));
        Thread reader = daemons("legcds-batch-reader").newThread(() -> {
            try {
                for (I item = source.next(); item != null; item = source.next()) {
                    I current = item;
                    queue.put(workers.submit(() -> work.apply(current)));
                }
                queue.put((Future<O>) END);
            } catch (IOException e) {
                putQuietly(queue, CompletableFuture.failedFuture(new UncheckedIOException(e)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the writer stopped; nobody waits for more
            } catch (RuntimeException | Error e) {
                putQuietly(queue, CompletableFuture.failedFuture(e));
            }
        });
        reader.start();
        try {
            for (Future<O> next = queue.take(); next != END; next = queue.take()) {
                sink.accept(next.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            reader.interrupt();
            workers.shutdownNow();
        }
    }

    private static <O> void putQuietly(BlockingQueue<Future<O>> queue, Future<O> future) {
        try {
            queue.put(future);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemons(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name.endsWith("-") ? name + count.incrementAndGet() : name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
