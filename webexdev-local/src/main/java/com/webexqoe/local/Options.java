package com.webexqoe.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code ./run-local [--port N] [--data DIR] [--secrets FILE]}: port 8080 on 127.0.0.1, data
 * under {@code ./local-data}, demo mode unless a secrets file is given.
 */
record Options(int port, Path dataDir, Optional<Path> secretsFile) {

    static final int DEFAULT_PORT = 8080;
    static final Path DEFAULT_DATA = Path.of("local-data");

    static final String USAGE = "usage: ./run-local [--port N] [--data DIR] [--secrets FILE]";

    boolean demo() {
        return secretsFile.isEmpty();
    }

    static Options parse(String... args) {
        int port = DEFAULT_PORT;
        Path data = DEFAULT_DATA;
        Path secrets = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--port" -> port = parsePort(value(args, ++i, arg));
                case "--data" -> data = Path.of(value(args, ++i, arg));
                case "--secrets" -> {
                    secrets = Path.of(value(args, ++i, arg));
                    if (!Files.isRegularFile(secrets)) {
                        throw new StartupException("--secrets " + secrets + ": no such file");
                    }
                }
                case "-h", "--help" -> throw new StartupException(USAGE);
                default -> throw new StartupException("unknown option '" + arg + "'\n" + USAGE);
            }
        }
        return new Options(port, data, Optional.ofNullable(secrets));
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new StartupException(option + " needs a value\n" + USAGE);
        }
        return args[index];
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new StartupException("--port must be a number from 1 to 65535, got '" + text + "'");
        }
    }
}
