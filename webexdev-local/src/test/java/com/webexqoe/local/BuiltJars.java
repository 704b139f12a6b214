package com.webexqoe.local;

import com.webexqoe.standins.StandIns;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The five function jars: built before this module in the reactor; run alone, a test says which is missing. */
final class BuiltJars {

    private BuiltJars() {
    }

    static void assumeAllBuilt() {
        for (LocalFunction function : LocalFunction.values()) {
            assumeTrue(Files.isRegularFile(StandIns.repositoryRoot().resolve(function.jarPath())), function.jarPath() + " is not built");
        }
    }
}
