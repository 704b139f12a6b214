package com.webexqoe.local;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ./run-local carries no test library: webexdev-local takes its stand-ins from the product module
 * webexdev-standins, and the test kit (JUnit, AssertJ, Testcontainers) only at test scope; the
 * stand-ins module itself depends on no test library.
 */
class ProductClasspathTest {

    @Test
    void theTestKitIsATestScopeDependencyOnly() throws Exception {
        assertThat(scopeOf(Path.of("pom.xml"), "webexdev-testkit")).isEqualTo("test");
        assertThat(scopeOf(Path.of("pom.xml"), "webexdev-standins")).as("compile scope").isEmpty();
    }

    @Test
    void theStandInsDependOnNoTestLibrary() throws Exception {
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("../webexdev-standins/pom.xml").toFile());
        NodeList artifacts = document.getElementsByTagName("artifactId");
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < artifacts.getLength(); i++) {
            names.add(artifacts.item(i).getTextContent());
        }
        assertThat(names).contains("s3proxy", "wiremock-standalone")
                .noneMatch(name -> name.contains("junit") || name.contains("assertj") || name.contains("testcontainers")
                        || name.equals("webexdev-testkit"));
    }

    private static String scopeOf(Path pom, String artifact) throws Exception {
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        NodeList dependencies = document.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            if (artifact.equals(dependency.getElementsByTagName("artifactId").item(0).getTextContent())) {
                NodeList scope = dependency.getElementsByTagName("scope");
                return scope.getLength() == 0 ? "" : scope.item(0).getTextContent();
            }
        }
        throw new AssertionError(pom + " has no dependency on " + artifact);
    }
}
