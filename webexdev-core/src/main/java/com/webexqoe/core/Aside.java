package com.webexqoe.core;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Work a run does beside its main line (the asset check, the health history's reads and writes, a
 * data file's put), and the wait for it.
 */
public final class Aside {

    /** Runs a task on a daemon thread of its own. */
    public static final Executor THREAD = task -> {
        Thread thread = new Thread(task, "beside-the-run");
        thread.setDaemon(true);
        thread.start();
    };

    private Aside() {
    }

    /** A task's result, or its own exception (as if it had run on this thread). */
    public static <T> T join(CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
