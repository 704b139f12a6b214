package com.webexqoe.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class AppCdsTest {

    @TempDir
    Path dir;

    @Test
    void theArchiveIsKeyedByTheJarsContentSoARebuiltJarNeverMeetsAStaleArchive() throws Exception {
        Path jar = dir.resolve("function.jar");
        Files.writeString(jar, "first build");
        String classpath = jar + File.pathSeparator + dir.resolve("ric.jar");
        AppCds first = AppCds.forClasspath(dir.resolve("appcds"), "webexdev-status", classpath);
        assertThat(AppCds.forClasspath(dir.resolve("appcds"), "webexdev-status", classpath).archive())
                .as("same content, same archive").isEqualTo(first.archive());

        Files.writeString(jar, "second build");
        AppCds second = AppCds.forClasspath(dir.resolve("appcds"), "webexdev-status", classpath);

        assertThat(second.archive()).isNotEqualTo(first.archive());
        assertThat(second.archive().getFileName().toString()).startsWith("webexdev-status-").endsWith(".jsa");

        // Rebuilt with the same bytes: the JVM still refuses the old archive (another modification time).
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));
        assertThat(AppCds.forClasspath(dir.resolve("appcds"), "webexdev-status", classpath).archive())
                .isNotEqualTo(second.archive());
    }

    @Test
    void withoutAnArchiveTheRunTrainsAndWithOneItMapsIt() throws Exception {
        Path jar = dir.resolve("function.jar");
        Files.writeString(jar, "build");
        AppCds cds = AppCds.forClasspath(dir.resolve("appcds"), "webexdev-core", jar.toString());

        assertThat(cds.flags(false)).isEmpty();
        assertThat(cds.flags(true)).singleElement().asString().startsWith("-XX:DumpLoadedClassList=");
        assertThat(dir.resolve("appcds")).as("the JVM cannot create the list's folder itself").isDirectory();
        assertThat(cds.ready()).isFalse();

        Files.writeString(cds.archive(), "archive");

        assertThat(cds.flags(true)).containsExactly("-XX:SharedArchiveFile=" + cds.archive());
    }
}
