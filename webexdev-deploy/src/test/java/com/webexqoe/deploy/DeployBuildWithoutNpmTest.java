package com.webexqoe.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deploy build ({@code ./mvnw -B package -DskipTests}, docs/deploy.md) needs no Node/npm: only
 * the tests use the npm stand-in (dynalite). The root pom is built alone ({@code -N validate}, the
 * phase where the stand-in profile would run {@code npm ci}) in a copy of the repository without
 * {@code node_modules}, on a PATH with every program of this machine except Node's.
 */
class DeployBuildWithoutNpmTest {

    private static final Set<String> NODE_PROGRAMS = Set.of("node", "nodejs", "npm", "npx", "corepack");

    @TempDir
    static Path work;
    private static Path checkout;
    private static Path path;

    @BeforeAll
    static void copyTheBuildAndHideNode() throws IOException {
        checkout = Files.createDirectories(work.resolve("clone"));
        Path root = Repository.root();
        for (String file : List.of("pom.xml", "mvnw", ".mvn/wrapper/maven-wrapper.properties")) {
            Path target = checkout.resolve(file);
            Files.createDirectories(target.getParent());
            Files.copy(root.resolve(file), target);
        }
        checkout.resolve("mvnw").toFile().setExecutable(true);
        path = Files.createDirectories(work.resolve("bin-without-node"));
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path folder = Path.of(dir);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> programs = Files.list(folder)) {
                for (Path program : programs.toList()) {
                    Path link = path.resolve(program.getFileName().toString());
                    if (!NODE_PROGRAMS.contains(link.getFileName().toString()) && !Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        Files.createSymbolicLink(link, program);
                    }
                }
            }
        }
        assertThat(path.resolve("npm")).as("npm hidden").doesNotExist();
    }

    @Test
    void skipTestsBuildsWithoutNpm() throws Exception {
        Run run = maven("-DskipTests");
        assertThat(run.exit()).as("./mvnw -N validate -DskipTests without npm:\n" + run.output()).isZero();
    }

    @Test
    void mavenTestSkipBuildsWithoutNpm() throws Exception {
        Run run = maven("-Dmaven.test.skip=true");
        assertThat(run.exit()).as("./mvnw -N validate -Dmaven.test.skip=true without npm:\n" + run.output()).isZero();
    }

    @Test
    void aTestBuildStillInstallsTheStandInAndSaysSoWhenNpmIsMissing() throws Exception {
        Run run = maven();
        assertThat(run.exit()).as("a build that runs the tests needs npm for dynalite:\n" + run.output()).isNotZero();
        assertThat(run.output()).contains("npm");
    }

    private static Run maven(String... flags) throws Exception {
        List<String> command = new ArrayList<>(List.of("./mvnw", "-B", "-N", "validate"));
        command.addAll(List.of(flags));
        ProcessBuilder builder = new ProcessBuilder(command).directory(checkout.toFile()).redirectErrorStream(true);
        builder.environment().put("PATH", path.toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("maven finished").isTrue();
        return new Run(process.exitValue(), output);
    }

    private record Run(int exit, String output) {
    }
}
