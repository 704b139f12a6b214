package com.webexqoe.deploy;

import com.webexqoe.common.config.FunctionVariables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipFile;

import static com.webexqoe.deploy.CfnTemplate.list;
import static com.webexqoe.deploy.CfnTemplate.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Each function of the template against the code: its handler in the jar its CodeUri names, its
 * variables against {@link FunctionVariables}, its role against {@code function-access.yaml}, its
 * triggers, SnapStart and alias, its log group and alarm.
 */
class TemplateFunctionsTest {

    /** Read by the JVM itself, not by the function's code, so not in FunctionVariables. */
    private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

    /** Lambda's reserved variables (Lambda developer guide, "Defined runtime environment variables"). */
    private static final Set<String> LAMBDA_RESERVED = Set.of("_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION",
            "AWS_REGION", "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
            "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME",
            "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR");

    private static CfnTemplate template;
    private static CfnTemplate.Resolver resolver;
    private static Map<String, FunctionAccess> access;

    @BeforeAll
    static void read() throws IOException {
        template = Repository.template();
        resolver = template.resolver(Repository.TEST_PARAMETERS);
        access = FunctionAccess.load();
    }

    // ----- which functions

    @Test
    void theTemplateHasExactlyTheFunctionsOfTheCode() {
        Set<String> inTemplate = new TreeSet<>();
        for (String id : template.resourcesOfType("AWS::Serverless::Function")) {
            inTemplate.add(resolver.string(template.properties(id).get("FunctionName")));
        }
        Set<String> inCode = new TreeSet<>();
        for (FunctionVariables f : FunctionVariables.values()) {
            inCode.add(f.functionName());
        }
        assertThat(inTemplate).as("functions in template.yaml (NamePrefix at its default)").isEqualTo(inCode);
        assertThat(new TreeSet<>(access.keySet())).as("functions in function-access.yaml").isEqualTo(inCode);
        assertThat(template.resourcesOfType("AWS::Lambda::Function")).as("plain Lambda functions").isEmpty();
    }

    // ----- the handler in the jar

    @ParameterizedTest
    @EnumSource(FunctionVariables.class)
    void handlerClassAndMethodAreInTheJarThatCodeUriNames(FunctionVariables function) throws Exception {
        FunctionAccess expected = access(function);
        Map<String, Object> props = properties(function);
        assertThat(props.get("CodeUri")).as("CodeUri of " + function.functionName()).isEqualTo(expected.jar());
        assertThat(props.get("Handler")).as("Handler of " + function.functionName()).isEqualTo(expected.handler());

        Path jar = jarOf(expected);
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            String entry = expected.handlerClass().replace('.', '/') + ".class";
            assertThat(zip.getEntry(entry)).as(entry + " in " + expected.jar()).isNotNull();
            assertThat(zip.getEntry("com/amazonaws/services/lambda/runtime/Context.class"))
                    .as("the Lambda core interfaces shaded into " + expected.jar()).isNotNull();
        }
        // Only the jar (and the JDK) on the class path, as in Lambda: a class the handler's
        // signature needs but the shaded jar lacks fails here.
        try (URLClassLoader loader = new URLClassLoader(new URL[]{jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Class<?> handler = Class.forName(expected.handlerClass(), false, loader);
            assertThat(Modifier.isPublic(handler.getModifiers())).as(handler + " is public").isTrue();
            assertThat(Modifier.isAbstract(handler.getModifiers())).as(handler + " is concrete").isFalse();
            assertThat(handler.getConstructor()).as("public no-argument constructor of " + handler).isNotNull();
            List<Method> methods = Arrays.stream(handler.getMethods())
                    .filter(m -> m.getName().equals(expected.handlerMethod()) && !m.isBridge())
                    .toList();
            assertThat(methods).as("public method " + expected.handlerMethod() + " of " + handler).isNotEmpty();
            Class<?> context = Class.forName("com.amazonaws.services.lambda.runtime.Context", false, loader);
            boolean streamHandler = methods.stream().anyMatch(m -> Arrays.equals(m.getParameterTypes(),
                    new Class<?>[]{InputStream.class, OutputStream.class, context}));
            boolean typedHandler = implementsInterface(handler, "com.amazonaws.services.lambda.runtime.RequestHandler");
            assertThat(streamHandler || typedHandler)
                    .as(handler + "::" + expected.handlerMethod() + " takes (InputStream, OutputStream, Context) "
                            + "or implements RequestHandler").isTrue();
        }
    }

    // ----- variables

    @ParameterizedTest
    @EnumSource(FunctionVariables.class)
    void variablesAreExactlyOnesTheFunctionReads(FunctionVariables function) {
        Set<String> names = variables(function, Repository.TEST_PARAMETERS).keySet();
        assertThat(names).as("required variables of " + function.functionName()).containsAll(function.required());
        Set<String> readable = new HashSet<>(function.required());
        readable.addAll(function.optional());
        readable.addAll(JVM_VARIABLES);
        assertThat(readable).as("variables " + function.functionName() + " reads (FunctionVariables), "
                + "against those template.yaml sets").containsAll(names);
        for (String name : names) {
            assertThat(LAMBDA_RESERVED.contains(name) || name.startsWith("AWS_") || name.startsWith("_"))
                    .as(name + " is Lambda's own (reserved, region, credentials or endpoint override)").isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(FunctionVariables.class)
    void variablesNameThisTemplatesTablesBucketAndSecrets(FunctionVariables function) {
        FunctionAccess expected = access(function);
        Map<String, String> variables = variables(function, Repository.TEST_PARAMETERS);
        for (FunctionAccess.TableGrant table : expected.tables()) {
            assertThat(variables.get(table.env())).as(table.env() + " of " + function.functionName())
                    .isEqualTo(table.table().tableName());
        }
        expected.bucket().ifPresent(bucket -> assertThat(variables.get(bucket.env()))
                .as(bucket.env() + " of " + function.functionName()).isEqualTo(bucketName()));
        for (FunctionAccess.SecretGrant secret : expected.secrets()) {
            assertThat(variables.get(secret.env())).as(secret.env() + " of " + function.functionName())
                    .isEqualTo(CfnTemplate.TEST_PREFIX + "/" + secret.secret());
            assertThat(secretNames()).as("secrets of template.yaml").contains(CfnTemplate.TEST_PREFIX + "/" + secret.secret());
        }
        if (function.optional().contains("TZ")) {
            assertThat(variables.get("TZ")).as("TZ from the TimeZone parameter").isEqualTo("Asia/Tokyo");
        }
    }

    @Test
    void thousandEyesUrlsAreV7UrlsOfTheRightTests() {
        Map<String, String> te = variables(FunctionVariables.TE, Repository.TEST_PARAMETERS);
        String base = "https://api.thousandeyes.com/v7/test-results/";
        assertThat(te).containsEntry("API_URL_MMP", base + "1001/path-vis")
                .containsEntry("API_URL_MMP_NET", base + "1001/network")
                .containsEntry("API_URL_WZ", base + "1002/path-vis")
                .containsEntry("API_URL_HTTP_WEB", base + "1002/http-server")
                .containsEntry("API_URL_CD", base + "1003/path-vis")
                .doesNotContainKey("API_URL_HTTP");
    }

    @Test
    void cloudWatchUrlIsSetOnlyWhenGiven() {
        assertThat(variables(FunctionVariables.CORE, Repository.TEST_PARAMETERS)).doesNotContainKey("CLOUDWATCH_URL");
        Map<String, String> parameters = new LinkedHashMap<>(Repository.TEST_PARAMETERS);
        parameters.put("CloudWatchUrl", "https://cloudwatch.amazonaws.com/dashboard.html?dashboard=x&context=y");
        assertThat(variables(FunctionVariables.CORE, parameters))
                .containsEntry("CLOUDWATCH_URL", "https://cloudwatch.amazonaws.com/dashboard.html?dashboard=x&context=y");
    }

    // ----- IAM

    @ParameterizedTest
    @EnumSource(FunctionVariables.class)
    void accessListHasExactlyTheActionsTheJarsCodeCalls(FunctionVariables function) throws IOException {
        FunctionAccess expected = access(function);
        Path jar = jarOf(expected);
        String ownPackage = expected.handlerClass().substring(0, expected.handlerClass().lastIndexOf('.') + 1).replace('.', '/');
        Set<String> called = CodeActions.of(jar, ownPackage);
        Set<String> listed = new TreeSet<>(expected.unscoped());
        expected.tables().forEach(t -> listed.addAll(t.actions()));
        expected.bucket().ifPresent(b -> b.grants().forEach(g -> listed.addAll(g.actions())));
        expected.secrets().forEach(s -> listed.addAll(s.actions()));
        assertThat(listed).as("actions function-access.yaml lists for " + function.functionName()
                + " (left) against those its code in " + expected.jar() + " calls: make the list and the role in "
                + "template.yaml follow the code").isEqualTo(called);
    }

    @ParameterizedTest
    @EnumSource(FunctionVariables.class)
    void roleAllowsExactlyTheActionsTheCodeCallsOnExactlyItsResources(FunctionVariables function) {
        FunctionAccess expected = access(function);
        String name = function.functionName();
        Set<String> wanted = new TreeSet<>();
        for (String action : List.of("logs:CreateLogStream", "logs:PutLogEvents")) {
            wanted.add(action + " on " + CfnTemplate.logGroupArn(CfnTemplate.logGroupName(name)));
        }
        for (FunctionAccess.TableGrant table : expected.tables()) {
            String arn = CfnTemplate.tableArn(table.table().tableName()) + table.index().map(i -> "/index/" + i).orElse("");
            table.actions().forEach(a -> wanted.add(a + " on " + arn));
        }
        expected.bucket().ifPresent(bucket -> {
            for (FunctionAccess.BucketGrant grant : bucket.grants()) {
                List<String> arns = grant.objects().isEmpty()
                        ? List.of("arn:aws:s3:::" + bucketName())
                        : grant.objects().stream().map(key -> "arn:aws:s3:::" + bucketName() + "/" + key).toList();
                grant.actions().forEach(a -> arns.forEach(arn -> wanted.add(a + " on " + arn)));
            }
        });
        for (FunctionAccess.SecretGrant secret : expected.secrets()) {
            secret.actions().forEach(a -> wanted.add(a + " on " + CfnTemplate.secretArn(CfnTemplate.TEST_PREFIX + "/" + secret.secret())));
        }
        expected.unscoped().forEach(a -> wanted.add(a + " on *"));

        assertThat(grants(function)).as("what the role of " + name + " allows (left) against function-access.yaml")
                .isEqualTo(wanted);
    }

    @Test
    void rolesUseNoWildcardsAndNoManagedPolicies() {
        for (String role : template.resourcesOfType("AWS::IAM::Role")) {
            Map<String, Object> props = template.properties(role);
            assertThat(props).as(role + " has only inline policies").doesNotContainKeys("ManagedPolicyArns",
                    "PermissionsBoundary");
            for (Map<String, Object> statement : statements(role)) {
                assertThat(statement).as("statement of " + role).doesNotContainKeys("NotAction", "NotResource");
                assertThat(statement.get("Effect")).as("Effect in " + role).isEqualTo("Allow");
                for (Object action : list(statement.get("Action"))) {
                    assertThat(String.valueOf(action)).as("action in " + role)
                            .matches("[a-z0-9-]+:[A-Za-z]+").doesNotContain("*");
                }
                for (Object r : list(statement.get("Resource"))) {
                    String resource = String.valueOf(r);
                    if (resource.equals("*")) {
                        // only actions that have no resource type (function-access.yaml's "unscoped")
                        assertThat(list(statement.get("Action"))).as("actions on * in " + role)
                                .allMatch(a -> access.values().stream().anyMatch(f -> f.unscoped().contains(a)));
                    } else {
                        // an ARN of this stack; the only wildcards: every object of the bucket, every
                        // stream of a log group (CloudFormation's log group ARN), a date-named key
                        assertThat(resource).as("resource in " + role).startsWith("arn:aws:")
                                .doesNotContain("${");
                        String withoutAllowedWildcards = resource.replaceAll("^(arn:aws:s3:::[^/]+)/\\*$", "$1")
                                .replaceAll("^(arn:aws:logs:.*):\\*$", "$1");
                        assertThat(withoutAllowedWildcards).as("resource in " + role).doesNotContain("*");
                    }
                }
            }
        }
        for (String id : template.resourcesOfType("AWS::Serverless::Function")) {
            assertThat(template.properties(id)).as(id + ": SAM policies would add AWSLambdaBasicExecutionRole (logs on *)")
                    .doesNotContainKeys("Policies");
        }
    }

    @Test
    void onlyTheMeetingQualityFunctionWritesASecretAndOnlyItsTokenSecret() {
        for (FunctionVariables function : FunctionVariables.values()) {
            Set<String> writes = new TreeSet<>();
            for (String grant : grants(function)) {
                if (grant.startsWith("secretsmanager:PutSecretValue") || grant.startsWith("secretsmanager:UpdateSecret")) {
                    writes.add(grant);
                }
            }
            if (function == FunctionVariables.MTGQUALITY) {
                assertThat(writes).containsExactly("secretsmanager:PutSecretValue on "
                        + CfnTemplate.secretArn(CfnTemplate.TEST_PREFIX + "/mtgquality-token"));
            } else {
                assertThat(writes).as("secret writes of " + function.functionName()).isEmpty();
            }
        }
    }

    /**
     * Actions the Service Authorization Reference lists without a resource type (Amazon Comprehend's
     * detect calls): "*" is their only possible resource. Kept here, apart from function-access.yaml,
     * so that an action with a resource type cannot reach "*" by being added to that file's list.
     */
    private static final Set<String> NO_RESOURCE_TYPE = Set.of("comprehend:DetectDominantLanguage",
            "comprehend:DetectSentiment", "comprehend:BatchDetectDominantLanguage", "comprehend:BatchDetectSentiment");

    @ParameterizedTest
    @EnumSource(FunctionVariables.class)
    void aStarResourceIsGivenOnlyToActionsThatHaveNoResourceType(FunctionVariables function) {
        for (String grant : grants(function)) {
            String action = grant.substring(0, grant.indexOf(" on "));
            String resource = grant.substring(grant.indexOf(" on ") + 4);
            assertThat(action).as("action of " + function.functionName()).doesNotContain("*");
            if (resource.equals("*")) {
                assertThat(action).as(function.functionName() + ": an action on \"*\"").isIn(NO_RESOURCE_TYPE);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(FunctionVariables.class)
    void secretsAreOnlyReadExceptTheMeetingQualityTokenSecret(FunctionVariables function) {
        Set<String> beyondReading = new TreeSet<>();
        for (String grant : grants(function)) {
            if (grant.startsWith("secretsmanager:") && !grant.startsWith("secretsmanager:GetSecretValue ")) {
                beyondReading.add(grant);
            }
        }
        if (function == FunctionVariables.MTGQUALITY) {
            assertThat(beyondReading).containsExactly("secretsmanager:PutSecretValue on "
                    + CfnTemplate.secretArn(CfnTemplate.TEST_PREFIX + "/mtgquality-token"));
        } else {
            assertThat(beyondReading).as("Secrets Manager actions of " + function.functionName() + " other than reading")
                    .isEmpty();
        }
    }

    // ----- triggers, SnapStart, logs, alarms

    @ParameterizedTest
    @EnumSource(FunctionVariables.class)
    void triggersAreTheScheduleAndWebhookOfTheSpec(FunctionVariables function) {
        FunctionAccess expected = access(function);
        Map<String, Object> events = map(properties(function).getOrDefault("Events", Map.of()));
        List<String> schedules = new ArrayList<>();
        List<String> apis = new ArrayList<>();
        events.forEach((id, e) -> {
            Map<String, Object> event = map(resolver.resolve(e));
            Map<String, Object> p = map(event.get("Properties"));
            switch ((String) event.get("Type")) {
                case "Schedule" -> schedules.add((String) p.get("Schedule"));
                case "Api" -> {
                    assertThat(template.type(refOf(map(e).get("Properties"), "RestApiId")))
                            .as("the webhook's API").isEqualTo("AWS::Serverless::Api");
                    apis.add(String.valueOf(p.get("Method")).toLowerCase() + " " + p.get("Path"));
                }
                default -> fail("unexpected event type " + event.get("Type") + " of " + function.functionName());
            }
        });
        assertThat(schedules).as("schedules of " + function.functionName())
                .isEqualTo(expected.schedule().map(List::of).orElse(List.of()));
        assertThat(apis).as("API events of " + function.functionName())
                .isEqualTo(expected.api().map(a -> List.of(a.method() + " " + a.path())).orElse(List.of()));
    }

    @ParameterizedTest
    @EnumSource(FunctionVariables.class)
    void snapStartAndTheLiveAlias(FunctionVariables function) {
        FunctionAccess expected = access(function);
        Map<String, Object> props = properties(function);
        assertThat(effective(props, "AutoPublishAlias")).as("alias of " + function.functionName()).isEqualTo("live");
        Object snapStart = effective(props, "SnapStart");
        if (expected.snapStart()) {
            assertThat(snapStart).as("SnapStart of " + function.functionName())
                    .isEqualTo(Map.of("ApplyOn", "PublishedVersions"));
        } else {
            assertThat(snapStart == null || map(snapStart).get("ApplyOn").equals("None"))
                    .as("no SnapStart on " + function.functionName()).isTrue();
        }
        assertThat(effective(props, "Runtime")).isEqualTo("java21");
        assertThat(effective(props, "ProvisionedConcurrencyConfig")).as("SnapStart excludes it").isNull();
    }

    @ParameterizedTest
    @EnumSource(FunctionVariables.class)
    void jsonLogsInItsOwnLogGroupWithRetentionAndAnErrorAlarm(FunctionVariables function) {
        Map<String, Object> props = properties(function);
        Map<String, Object> logging = new LinkedHashMap<>(map(global("LoggingConfig", Map.of())));
        logging.putAll(map(props.getOrDefault("LoggingConfig", Map.of())));
        assertThat(logging.get("LogFormat")).isEqualTo("JSON");
        String group = CfnTemplate.logGroupName(function.functionName());
        assertThat(group).as("a name Lambda never creates itself").doesNotStartWith("/aws/lambda/");
        assertThat(resolver.string(logging.get("LogGroup"))).isEqualTo(group);
        String groupId = refOf(logging, "LogGroup");
        assertThat(template.properties(groupId)).containsKey("RetentionInDays");

        String functionId = logicalId(function);
        List<String> alarms = template.resourcesOfType("AWS::CloudWatch::Alarm").stream()
                .filter(a -> {
                    Map<String, Object> alarm = template.properties(a);
                    return "Errors".equals(alarm.get("MetricName")) && list(alarm.get("Dimensions")).stream()
                            .anyMatch(d -> functionId.equals(refOf(d, "Value")));
                })
                .toList();
        assertThat(alarms).as("an Errors alarm on " + function.functionName()).hasSize(1);
        Map<String, String> withEmail = new LinkedHashMap<>(Repository.TEST_PARAMETERS);
        withEmail.put("AlarmEmail", "ops@example.com");
        Map<String, Object> alarm = map(template.resolver(withEmail).resolve(template.properties(alarms.get(0))));
        assertThat(list(alarm.get("AlarmActions"))).as("the alarm notifies AlarmEmail's topic")
                .containsExactly("arn:aws:sns:" + CfnTemplate.REGION + ":" + CfnTemplate.ACCOUNT + ":" + CfnTemplate.TEST_PREFIX + "-alarms");
        Map<String, Object> silent = map(resolver.resolve(template.properties(alarms.get(0))));
        assertThat(silent).as("no e-mail, no action").doesNotContainKey("AlarmActions");
    }

    // ----- helpers

    /** The function's jar; the test is skipped while its module is the placeholder, and fails if the jar is missing. */
    private static Path jarOf(FunctionAccess expected) throws IOException {
        if (Repository.isPlaceholder(expected.module())) {
            abort(expected.module() + " is still the placeholder module (packaging pom, no src/main): "
                    + "its jar is checked once the module is there");
        }
        Path jar = Repository.root().resolve(expected.jar());
        if (!Files.isRegularFile(jar)) {
            fail(expected.jar() + " (CodeUri of " + expected.function() + ") does not exist: build it with "
                    + "./mvnw -B package (the reactor builds the function modules before webexdev-deploy)");
        }
        return jar;
    }

    private static FunctionAccess access(FunctionVariables function) {
        FunctionAccess entry = access.get(function.functionName());
        if (entry == null) {
            throw new AssertionError("function-access.yaml has no entry for " + function.functionName());
        }
        return entry;
    }

    static String logicalId(FunctionVariables function) {
        for (String id : template.resourcesOfType("AWS::Serverless::Function")) {
            if (function.functionName().equals(resolver.string(template.properties(id).get("FunctionName")))) {
                return id;
            }
        }
        throw new AssertionError("template.yaml has no function named " + function.functionName());
    }

    private static Map<String, Object> properties(FunctionVariables function) {
        return template.properties(logicalId(function));
    }

    private static Object global(String property, Object fallback) {
        Map<String, Object> globals = template.section("Globals");
        return map(globals.getOrDefault("Function", Map.of())).getOrDefault(property, fallback);
    }

    private static Object effective(Map<String, Object> props, String property) {
        return props.containsKey(property) ? props.get(property) : global(property, null);
    }

    /** The function's variables as Lambda would set them: Globals' merged with its own. */
    private static Map<String, String> variables(FunctionVariables function, Map<String, String> parameters) {
        CfnTemplate.Resolver r = template.resolver(parameters);
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.putAll(map(map(map(global("Environment", Map.of())).getOrDefault("Variables", Map.of()))));
        raw.putAll(map(map(properties(function).getOrDefault("Environment", Map.of())).getOrDefault("Variables", Map.of())));
        Map<String, String> out = new LinkedHashMap<>();
        raw.forEach((name, value) -> r.optional(value).ifPresent(v -> out.put(name, String.valueOf(v))));
        return out;
    }

    private static String bucketName() {
        List<String> buckets = template.resourcesOfType("AWS::S3::Bucket");
        assertThat(buckets).as("one bucket").hasSize(1);
        return (String) resolver.ref(buckets.get(0));
    }

    private static Set<String> secretNames() {
        Set<String> names = new TreeSet<>();
        template.resourcesOfType("AWS::SecretsManager::Secret")
                .forEach(id -> names.add(resolver.string(template.properties(id).get("Name"))));
        return names;
    }

    /** The logical id an intrinsic {@code !Ref X} or {@code !GetAtt X.Arn} under {@code key} names. */
    private static String refOf(Object holder, String key) {
        Object node = map(holder).get(key);
        if (node instanceof Map<?, ?> m && m.containsKey("Ref")) {
            return (String) m.get("Ref");
        }
        if (node instanceof Map<?, ?> m && m.containsKey("Fn::GetAtt")) {
            Object target = m.get("Fn::GetAtt");
            return target instanceof String s ? s.substring(0, s.indexOf('.')) : (String) list(target).get(0);
        }
        return null;
    }

    private static List<Map<String, Object>> statements(String roleId) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object policy : list(template.properties(roleId).getOrDefault("Policies", List.of()))) {
            Map<String, Object> document = map(map(policy).get("PolicyDocument"));
            for (Object statement : list(document.get("Statement"))) {
                out.add(map(resolver.resolve(statement)));
            }
        }
        return out;
    }

    /** "action on resource" for every pair the function's role allows. */
    private static Set<String> grants(FunctionVariables function) {
        String roleId = refOf(properties(function), "Role");
        assertThat(roleId).as("Role of " + function.functionName() + " is a role of this template").isNotNull();
        assertThat(template.type(roleId)).isEqualTo("AWS::IAM::Role");
        Set<String> out = new TreeSet<>();
        for (Map<String, Object> statement : statements(roleId)) {
            for (Object action : list(statement.get("Action"))) {
                for (Object resource : list(statement.get("Resource"))) {
                    out.add(action + " on " + resource);
                }
            }
        }
        return out;
    }

    private static boolean implementsInterface(Class<?> type, String interfaceName) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (i.getName().equals(interfaceName)) {
                    return true;
                }
            }
        }
        return false;
    }
}
