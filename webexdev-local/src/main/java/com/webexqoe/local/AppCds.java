package com.webexqoe.local;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A static application class-data-sharing archive for one function's class path, for the JDK at
 * hand: a training run lists the classes it loads ({@code -XX:DumpLoadedClassList}), then
 * {@code -Xshare:dump} writes them, parsed and verified, into an archive that later JVMs with the
 * same class path map instead of loading ({@code -XX:SharedArchiveFile}). The files are keyed by
 * the class path's jars (content, size and modification time: the JVM refuses an archive whose
 * jars changed, and then runs without any class-data sharing at all) and the JDK
 * ({@code java.vm.version}, {@code java.home}), so a rebuilt jar or another JDK never meets a
 * stale archive.
 */
public final class AppCds {

    private final Path classList;
    private final Path archive;
    private final String classpath;

    private AppCds(Path classList, Path archive, String classpath) {
        this.classList = classList;
        this.archive = archive;
        this.classpath = classpath;
    }

    /** The archive of {@code classpath} for this JDK, under {@code dir}, named {@code <name>-<key>.jsa}. */
    public static AppCds forClasspath(Path dir, String name, String classpath) {
        String key = key(classpath);
        return new AppCds(dir.resolve(name + "-" + key + ".classlist"), dir.resolve(name + "-" + key + ".jsa"), classpath);
    }

    /** Whether the archive has been written. */
    public boolean ready() {
        return Files.isRegularFile(archive);
    }

    /** Whether a training run has listed its classes (the archive can be written). */
    public boolean trained() {
        return Files.isRegularFile(classList);
    }

    public Path archive() {
        return archive;
    }

    /** The flag that uses the archive. */
    public String useFlag() {
        return "-XX:SharedArchiveFile=" + archive;
    }

    /**
     * The flag that makes a run the training run (the JVM writes each class it loads to the list;
     * it cannot make the folder, so this does).
     */
    public String trainFlag() {
        try {
            Files.createDirectories(classList.getParent());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot create " + classList.getParent(), e);
        }
        return "-XX:DumpLoadedClassList=" + classList;
    }

    /** The flags of a function JVM: the archive when it is there, otherwise a training run when asked. */
    public List<String> flags(boolean trainIfMissing) {
        if (ready()) {
            return List.of(useFlag());
        }
        return trainIfMissing ? List.of(trainFlag()) : List.of();
    }

    /**
     * Writes the archive from the class list with the same class path (and GC flag as {@code flags}
     * name); returns false, with the JVM's output in {@code log}, when the JDK refused.
     */
    public boolean dump(List<String> flags, Path log) throws IOException, InterruptedException {
        Files.createDirectories(archive.getParent());
        Path temp = archive.resolveSibling(archive.getFileName() + ".tmp");
        List<String> command = new ArrayList<>();
        command.add(FunctionJvm.java());
        flags.stream().filter(flag -> flag.startsWith("-XX:+Use") && flag.endsWith("GC")).forEach(command::add);
        command.addAll(List.of("-Xshare:dump", "-XX:SharedClassListFile=" + classList, "-XX:SharedArchiveFile=" + temp,
                "-cp", classpath));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        try {
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                Files.deleteIfExists(temp);
                return false;
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
            Files.deleteIfExists(temp);
            throw e;
        }
        if (process.exitValue() != 0 || !Files.isRegularFile(temp)) {
            Files.deleteIfExists(temp);
            return false;
        }
        Files.move(temp, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    /** Forgets the training list (a new training run then writes a fresh one). */
    public void forgetTraining() throws IOException {
        Files.deleteIfExists(classList);
    }

    private static String key(String classpath) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((System.getProperty("java.vm.version") + "\n" + System.getProperty("java.home") + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            for (String entry : classpath.split(File.pathSeparator)) {
                digest.update((entry + "\n").getBytes(StandardCharsets.UTF_8));
                Path path = Path.of(entry);
                if (Files.isRegularFile(path)) {
                    // The JVM maps an archive only if each jar still has the size and modification time
                    // it had at the dump (otherwise it silently runs without any class-data sharing).
                    digest.update((Files.getLastModifiedTime(path).toMillis() + "/" + Files.size(path) + "\n")
                            .getBytes(StandardCharsets.UTF_8));
                    try (InputStream in = Files.newInputStream(path)) {
                        byte[] buffer = new byte[1 << 16];
                        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                            digest.update(buffer, 0, read);
                        }
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException("cannot key the class-data archive: " + e.getMessage(), e);
        }
    }
}
