package com.webexqoe.local;

import java.time.Clock;

/**
 * {@code ./run-local [--port N] [--data DIR] [--secrets FILE]}: starts the whole system on this
 * machine and runs until Ctrl-C or SIGTERM, then stops everything it started.
 */
public final class LocalRunner {

    private LocalRunner() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalSystem system;
        try {
            system = LocalSystem.start(Options.parse(args), System.out, Clock.systemUTC());
        } catch (StartupException e) {
            System.err.println("run-local: " + e.getMessage());
            System.exit(2);
            return;
        }
        // Ctrl-C and SIGTERM run the hook: every child process and port is released before exit.
        Runtime.getRuntime().addShutdownHook(new Thread(system::close, "run-local-stop"));
        system.awaitShutdown();
    }
}
