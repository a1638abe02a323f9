package org.tunebook.kernel;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Sends every message the kernel publishes on one thread of its own, in order. User code runs on a thread that
 * an interrupt request may interrupt at any moment, and an interrupted thread must never touch a ZeroMQ
 * socket (its channels close); so cells, background runs and print statements hand their messages here.
 */
final class Publisher implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Publisher.class.getName());

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tunebook-publisher");
        t.setDaemon(true);
        return t;
    });

    /** Sends later, after everything posted before. */
    void post(Runnable send) {
        try {
            thread.execute(() -> {
                try {
                    send.run();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "could not publish a message", e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // shutting down: nothing more goes out
        }
    }

    /** Waits until everything posted so far has been sent; an interrupt does not cut the wait short. */
    void drain() {
        Future<?> marker;
        try {
            marker = thread.submit(() -> { });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                marker.get(30, TimeUnit.SECONDS);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (Exception e) {
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        drain();
        thread.shutdown();
    }
}
