package com.webexqoe.local;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * How a function's JVM is started here, as Lambda's java17/21 runtimes start it: the shaded jar
 * and the Lambda runtime interface client on the class path, C1 only, serial GC, class-data
 * sharing. Shared by the local run and the benchmarks.
 */
public final class FunctionJvm {

    /** The JVM flags of Lambda's java17/21 runtimes (JAVA_TOOL_OPTIONS there), plus a heap cap for 512 MB. */
    public static final List<String> LAMBDA_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-Xshare:auto", "-Xmx445m");

    /** The runtime client's system property naming its native library, read before it unpacks its own. */
    public static final String JNI_PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    /** The runtime client's entry point. */
    public static final String RUNTIME_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    private FunctionJvm() {
    }

    /** The {@code java} of the running JDK. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The command line: flags, the runtime client's native library (one unpacked copy for every
     * JVM: the client would otherwise unpack it to one fixed /tmp path in each, and JVMs starting
     * together then load a half-written file and crash), the class path and the handler.
     */
    public static List<String> command(List<String> flags, String classpath, Path jni, String handler) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(flags);
        command.add("-D" + JNI_PROPERTY + "=" + jni);
        command.addAll(List.of("-cp", classpath, RUNTIME_MAIN, handler));
        return command;
    }

    /** The jars of the runtime client in {@code dir} (what the build copies beside the runner), sorted. */
    public static String ricClasspath(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new StartupException(dir + " is missing: build with ./mvnw -B -pl webexdev-local -am package -DskipTests");
        }
        try (Stream<Path> jars = Files.list(dir)) {
            return String.join(File.pathSeparator, jars.map(Path::toString).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Unpacks the runtime client's native library for this machine from the jars in {@code ricDir} into {@code dir}. */
    public static Path nativeClient(Path ricDir, Path dir) {
        String arch = System.getProperty("os.arch").contains("aarch64") ? "aarch_64" : "x86_64";
        String entry = "jni/libaws-lambda-jni.linux-" + arch + ".so";
        Path target = dir.resolve("libaws-lambda-jni.so");
        try (Stream<Path> jars = Files.list(ricDir)) {
            Path ricJar = jars.filter(p -> p.getFileName().toString().startsWith("aws-lambda-java-runtime-interface-client"))
                    .findFirst().orElseThrow(() -> new StartupException("the Lambda runtime interface client jar is missing"));
            Files.createDirectories(dir);
            try (ZipFile zip = new ZipFile(ricJar.toFile())) {
                ZipEntry zipEntry = zip.getEntry(entry);
                if (zipEntry == null) {
                    throw new StartupException("the Lambda runtime interface client has no native library for linux-" + arch);
                }
                Path temp = Files.createTempFile(dir, ".jni-", ".so");
                try (InputStream in = zip.getInputStream(zipEntry)) {
                    Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return target;
        } catch (IOException e) {
            throw new StartupException("cannot unpack the Lambda runtime client's native library: " + e.getMessage(), e);
        }
    }
}
