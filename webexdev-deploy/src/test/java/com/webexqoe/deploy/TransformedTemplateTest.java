package com.webexqoe.deploy;

import com.webexqoe.common.config.FunctionVariables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static com.webexqoe.deploy.CfnTemplate.list;
import static com.webexqoe.deploy.CfnTemplate.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * template.yaml as CloudFormation runs it: expanded by the SAM translator (the {@code samtranslator}
 * package that cfn-lint brings; where it is missing these tests are skipped, visibly). The other
 * template tests read the source; these hold what SAM generates from it: the schedules, the API and
 * their permissions target the {@code live} alias, every variable a function reads is set, and each
 * function runs with the role the source declares, unchanged by the transform, so the source tests'
 * "exactly what its jar calls" holds for what is deployed.
 */
class TransformedTemplateTest {

    @TempDir
    static Path work;
    private static CfnTemplate source;
    private static CfnTemplate deployed;
    private static CfnTemplate.Resolver resolver;

    @BeforeAll
    static void transform() throws Exception {
        String python = onPath("python3");
        if (python == null) {
            abort("python3 is not on the PATH: the SAM-transformed template was not checked");
        }
        Path script = work.resolve("sam-transform.py");
        try (var in = TransformedTemplateTest.class.getResourceAsStream("/sam-transform.py")) {
            Files.copy(in, script);
        }
        Path out = work.resolve("transformed.json");
        List<String> command = new ArrayList<>(List.of(python, script.toString(), Repository.templateFile().toString(),
                out.toString()));
        Repository.TEST_PARAMETERS.forEach((name, value) -> command.add(name + "=" + value));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the SAM translator finished").isTrue();
        if (process.exitValue() == 3) {
            abort("the SAM translator is not installed (pip install cfn-lint brings it): " + output.strip());
        }
        assertThat(process.exitValue()).as("SAM translator:\n" + output).isZero();
        source = Repository.template();
        deployed = CfnTemplate.read(out);
        resolver = deployed.resolver(Repository.TEST_PARAMETERS);
    }

    @Test
    void nothingServerlessIsLeft() {
        assertThat(deployed.root()).doesNotContainKey("Transform");
        assertThat(deployed.resources().values()).noneMatch(r -> String.valueOf(map(r).get("Type")).startsWith("AWS::Serverless::"));
    }

    @Test
    void everyScheduleAndTheWebhookInvokeTheLiveAlias() {
        List<String> rules = deployed.resourcesOfType("AWS::Events::Rule");
        assertThat(rules).as("the four schedules (status, te, twitterapi, core) and any keep-alive").hasSizeGreaterThanOrEqualTo(4);
        for (String rule : rules) {
            for (Object target : list(deployed.properties(rule).get("Targets"))) {
                assertLiveAlias(map(map(target).get("Arn")).get("Ref"), "target of " + rule);
            }
        }
        List<String> permissions = deployed.resourcesOfType("AWS::Lambda::Permission");
        assertThat(permissions).as("one permission per schedule and one for the API").hasSize(rules.size() + 1);
        Set<String> principals = new TreeSet<>();
        for (String permission : permissions) {
            Map<String, Object> props = deployed.properties(permission);
            assertLiveAlias(map(props.get("FunctionName")).get("Ref"), "FunctionName of " + permission);
            principals.add(String.valueOf(props.get("Principal")));
        }
        assertThat(principals).containsExactlyInAnyOrder("events.amazonaws.com", "apigateway.amazonaws.com");
    }

    @ParameterizedTest
    @EnumSource(FunctionVariables.class)
    void everyVariableTheFunctionReadsIsSetAndNoOtherOne(FunctionVariables function) {
        Map<String, Object> props = function(function);
        Map<String, Object> variables = map(map(props.get("Environment")).get("Variables"));
        assertThat(variables.keySet()).as("required variables of " + function.functionName()).containsAll(function.required());
        Set<String> readable = new TreeSet<>(function.required());
        readable.addAll(function.optional());
        readable.add("JAVA_TOOL_OPTIONS");
        assertThat(readable).as("every variable set on " + function.functionName() + " is one it reads")
                .containsAll(variables.keySet());
    }

    @ParameterizedTest
    @EnumSource(FunctionVariables.class)
    void eachFunctionRunsWithItsSourceRoleUnchangedByTheTransform(FunctionVariables function) {
        Object role = function(function).get("Role");
        String roleId = String.valueOf(list(map(role).get("Fn::GetAtt")).get(0));
        assertThat(source.resources()).as("the role of " + function.functionName() + " is declared in template.yaml")
                .containsKey(roleId);
        // Compared resolved: the transform rewrites !GetAtt A.Arn as its list form ["A", "Arn"].
        assertThat(resolver.resolve(deployed.properties(roleId))).as("role " + roleId + " after the transform")
                .isEqualTo(source.resolver(Repository.TEST_PARAMETERS).resolve(source.properties(roleId)));
    }

    @Test
    void theTransformAddsNoRoleOrPolicy() {
        Set<String> sourceRoles = new TreeSet<>(source.resourcesOfType("AWS::IAM::Role"));
        assertThat(new TreeSet<>(deployed.resourcesOfType("AWS::IAM::Role"))).isEqualTo(sourceRoles);
        assertThat(deployed.resourcesOfType("AWS::IAM::Policy")).isEqualTo(source.resourcesOfType("AWS::IAM::Policy"));
        assertThat(deployed.resourcesOfType("AWS::IAM::ManagedPolicy")).isEqualTo(source.resourcesOfType("AWS::IAM::ManagedPolicy"));
    }

    private static void assertLiveAlias(Object ref, String what) {
        String id = String.valueOf(ref);
        assertThat(deployed.resources()).as(what + " references a resource").containsKey(id);
        assertThat(map(deployed.resources().get(id)).get("Type")).as(what).isEqualTo("AWS::Lambda::Alias");
        assertThat(deployed.properties(id).get("Name")).as(what + " alias name").isEqualTo("live");
    }

    private static Map<String, Object> function(FunctionVariables function) {
        for (String id : deployed.resourcesOfType("AWS::Lambda::Function")) {
            Map<String, Object> props = deployed.properties(id);
            if (function.functionName().equals(resolver.string(props.get("FunctionName")))) {
                return props;
            }
        }
        throw new AssertionError("the transformed template has no function named " + function.functionName());
    }

    private static String onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
