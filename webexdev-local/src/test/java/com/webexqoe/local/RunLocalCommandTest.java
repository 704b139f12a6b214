package com.webexqoe.local;

import com.webexqoe.standins.StandIns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The command as a person runs it: its own JVM, stopped with SIGTERM (what Ctrl-C's shutdown
 * path does too), and refused starts that exit at once with the problem named.
 */
class RunLocalCommandTest {

    @TempDir
    Path data;

    private static List<String> command(String... args) throws IOException {
        Path root = StandIns.repositoryRoot();
        Path classes = root.resolve("webexdev-local/target/classes");
        Path classpath = root.resolve("webexdev-local/target/classpath.txt");
        assumeTrue(Files.isRegularFile(classpath), "webexdev-local is not built");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classes + File.pathSeparator + Files.readString(classpath).trim(), LocalRunner.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    @Test
    void sigtermStopsEveryProcessItStartedAndFreesThePort() throws Exception {
        BuiltJars.assumeAllBuilt();
        int port = StandIns.freePort();
        Process runner = new ProcessBuilder(command("--port", Integer.toString(port), "--data", data.toString()))
                .directory(StandIns.repositoryRoot().toFile()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(runner.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        if (line.startsWith("Dashboard:")) {
                            return line;
                        }
                    }
                    return "exited";
                } catch (IOException e) {
                    return "unreadable: " + e;
                }
            });
            assertThat(ready.get(120, TimeUnit.SECONDS)).isEqualTo("Dashboard:  http://127.0.0.1:" + port + "/");
            List<ProcessHandle> children = runner.descendants().toList();
            assertThat(children).as("dynalite and the five function JVMs").hasSizeGreaterThanOrEqualTo(6);

            runner.destroy(); // SIGTERM
            assertThat(runner.waitFor(30, TimeUnit.SECONDS)).isTrue();
            for (ProcessHandle child : children) {
                child.onExit().get(10, TimeUnit.SECONDS);
                assertThat(child.isAlive()).as("child " + child.info().command().orElse("?")).isFalse();
            }
            try (ServerSocket again = new ServerSocket()) {
                again.bind(new InetSocketAddress("127.0.0.1", port));
            }
        } finally {
            runner.descendants().forEach(ProcessHandle::destroyForcibly);
            runner.destroyForcibly();
        }
    }

    @Test
    void aPortInUseEndsTheCommandAtOnceWithTheProblemNamed() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            Process runner = new ProcessBuilder(command("--port", Integer.toString(taken.getLocalPort()), "--data", data.toString()))
                    .directory(StandIns.repositoryRoot().toFile()).redirectErrorStream(true).start();

            assertThat(runner.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String output = new String(runner.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(runner.exitValue()).isEqualTo(2);
            assertThat(output).contains("run-local: port " + taken.getLocalPort()
                    + " on 127.0.0.1 is already in use (choose another with --port N)");
            assertThat(runner.descendants().count()).isZero();
        }
    }
}
