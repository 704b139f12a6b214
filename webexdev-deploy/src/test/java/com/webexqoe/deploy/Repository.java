package com.webexqoe.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Where the repository's files are, and the template read once for all tests. */
final class Repository {

    /**
     * Values for the parameters that have no default (the operator's answers to
     * {@code sam deploy --guided}); the others keep their defaults.
     */
    static final Map<String, String> TEST_PARAMETERS = Map.of(
            "NamePrefix", CfnTemplate.TEST_PREFIX,
            "AllowedCidr", "203.0.113.0/24",
            "TeMultimediaPlatformTestId", "1001",
            "TeHttpServerTestId", "1002",
            "TeCollaborationBridgeTestId", "1003");

    private static CfnTemplate template;

    private Repository() {
    }

    /** The repository root: the build's {@code webexdev.root}, else the first parent holding template.yaml. */
    static Path root() {
        String configured = System.getProperty("webexdev.root");
        if (configured != null && Files.exists(Path.of(configured, "template.yaml"))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("template.yaml"))) {
                return dir;
            }
        }
        throw new AssertionError("no template.yaml in the working directory or above it");
    }

    static Path templateFile() {
        return root().resolve("template.yaml");
    }

    static synchronized CfnTemplate template() throws IOException {
        if (template == null) {
            template = CfnTemplate.read(templateFile());
        }
        return template;
    }

    /**
     * A function module still as the placeholder it starts as ({@code <packaging>pom</packaging>},
     * no {@code src/main}): its jar cannot exist yet, so checks of the jar are skipped, visibly.
     */
    static boolean isPlaceholder(String module) throws IOException {
        Path dir = root().resolve(module);
        Path pom = dir.resolve("pom.xml");
        return Files.exists(pom)
                && Files.readString(pom).contains("<packaging>pom</packaging>")
                && !Files.isDirectory(dir.resolve("src/main"));
    }
}
