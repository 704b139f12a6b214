package com.webexqoe.deploy;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * cfn-lint (with the SAM translator) over template.yaml: no error-level (E) finding. Skipped,
 * visibly, where cfn-lint is not on the PATH (it comes from PyPI, which not every machine reaches).
 */
class CfnLintTest {

    @Test
    void cfnLintFindsNoErrors() throws Exception {
        Path cfnLint = onPath("cfn-lint");
        if (cfnLint == null) {
            abort("cfn-lint is not on the PATH: template.yaml was not linted (pip install cfn-lint)");
        }
        Process process = new ProcessBuilder(cfnLint.toString(), "--format", "parseable", "template.yaml")
                .directory(Repository.root().toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("cfn-lint finished").isTrue();
        int exit = process.exitValue();
        List<String> errors = output.lines().filter(line -> line.matches(".*:E\\d+:.*")).toList();
        System.out.println("cfn-lint exit " + exit + (output.isBlank() ? ", no findings" : ":\n" + output));
        assertThat(errors).as("cfn-lint errors").isEmpty();
        // cfn-lint's exit code is a bit mask: 2 = errors, 4 = warnings, 8 = informational; 1 = it failed.
        assertThat(exit & 3).as("cfn-lint exit code " + exit + ", output:\n" + output).isZero();
    }

    private static Path onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
