package com.webexqoe.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;

import static org.assertj.core.api.Assertions.assertThat;

/** The class-file reading that tells which AWS actions a jar's code calls, on a jar of fixture classes. */
class CodeActionsTest {

    @Test
    void actionsComeFromTheFunctionsClassesAndTheProjectClassesTheyUse(@TempDir Path dir) throws Exception {
        Path jar = jarOf(dir, List.of("com/webexqoe/fixturefn/FixtureHandler", "com/webexqoe/fixturelib/TokenRotation",
                "com/webexqoe/fixturelib/UnusedCleanup"));

        assertThat(CodeActions.of(jar, "com/webexqoe/fixturefn/")).containsExactly(
                "dynamodb:Query",                  // DynamoTable.query
                "s3:GetObject", "s3:ListBucket",   // ObjectStore.head (404 needs ListBucket); S3Client.listObjectsV2Paginator in a lambda
                "secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue"); // SecretStore.update, through TokenRotation
        // UnusedCleanup's DeleteItem is not reached from the function's package.
    }

    @Test
    void aPackageWithoutAwsCallsCallsNothing(@TempDir Path dir) throws Exception {
        Path jar = jarOf(dir, List.of("com/webexqoe/fixturelib/TokenRotation"));
        assertThat(CodeActions.of(jar, "com/webexqoe/fixturefn/")).isEmpty();
    }

    private static Path jarOf(Path dir, List<String> classes) throws IOException {
        Path jar = dir.resolve("fixture.jar");
        Path compiled = Path.of(System.getProperty("user.dir"), "target", "test-classes");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (String name : classes) {
                try (var stream = Files.list(compiled.resolve(name).getParent())) {
                    for (Path classFile : stream.filter(p -> p.getFileName().toString()
                            .matches(Path.of(name).getFileName() + "(\\$.*)?\\.class")).toList()) {
                        out.putNextEntry(new ZipEntry(compiled.relativize(classFile).toString().replace('\\', '/')));
                        out.write(Files.readAllBytes(classFile));
                        out.closeEntry();
                    }
                }
            }
        }
        return jar;
    }
}
