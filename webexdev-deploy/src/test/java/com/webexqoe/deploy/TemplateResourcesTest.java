package com.webexqoe.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static com.webexqoe.deploy.CfnTemplate.list;
import static com.webexqoe.deploy.CfnTemplate.map;
import static org.assertj.core.api.Assertions.assertThat;

/** Tables against their schemas (common.schema), the bucket and its policy, the secrets, the API, the outputs. */
class TemplateResourcesTest {

    /** docs/behaviour.md#secrets: the keys of each secret, which the template creates empty for the operator to fill. */
    private static final Map<String, Set<String>> SECRET_KEYS = Map.of(
            "webexdev/secrets", Set.of("hostEmail", "userEmail", "CLIENT_ID", "CLIENT_SECRET", "TE_OAUTHBEARER_TOKEN_V7",
                    "API_KEY", "API_SECRET", "TWITTER_TOKEN", "TWITTER_TOKEN_SECRET", "TWITTER_BEARER_TOKEN",
                    "TE_WEBHOOK_TOKEN", "TE_WEBHOOK_USERNAME", "TE_WEBHOOK_PASSWORD"),
            "webexdev/mtgquality-token", Set.of("ACCESS_TOKEN", "REFRESH_TOKEN"));

    private static CfnTemplate template;
    private static CfnTemplate.Resolver resolver;

    @BeforeAll
    static void read() throws IOException {
        template = Repository.template();
        resolver = template.resolver(Repository.TEST_PARAMETERS);
    }

    // ----- tables

    @Test
    void theTemplateHasExactlyTheProjectsTables() {
        Set<String> names = new TreeSet<>();
        template.resourcesOfType("AWS::DynamoDB::Table").forEach(id -> names.add(resolver.string(template.properties(id).get("TableName"))));
        Set<String> expected = new TreeSet<>();
        for (ProjectTables table : ProjectTables.values()) {
            expected.add(table.tableName());
        }
        assertThat(names).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(ProjectTables.class)
    void tableKeysIndexesBillingAndTtlAreTheCodes(ProjectTables table) {
        Map<String, Object> props = tableProperties(table);
        CreateTableRequest code = table.createRequest();

        assertThat(props.get("BillingMode")).isEqualTo("PAY_PER_REQUEST");
        assertThat(keys(props.get("KeySchema"))).as("key schema of " + table.tableName())
                .isEqualTo(keys(code.keySchema().stream().map(k -> Map.of("AttributeName", k.attributeName(), "KeyType", k.keyTypeAsString())).toList()));
        Map<String, String> attributes = new TreeMap<>();
        list(props.get("AttributeDefinitions")).forEach(a -> attributes.put((String) map(a).get("AttributeName"), (String) map(a).get("AttributeType")));
        Map<String, String> codeAttributes = new TreeMap<>();
        code.attributeDefinitions().forEach(a -> codeAttributes.put(a.attributeName(), a.attributeTypeAsString()));
        assertThat(attributes).as("attribute definitions of " + table.tableName()).isEqualTo(codeAttributes);

        Map<String, Object> indexes = new TreeMap<>();
        list(props.getOrDefault("GlobalSecondaryIndexes", List.of())).forEach(i -> {
            Map<String, Object> index = map(i);
            indexes.put((String) index.get("IndexName"), List.of(keys(index.get("KeySchema")), map(index.get("Projection")).get("ProjectionType")));
        });
        Map<String, Object> codeIndexes = new TreeMap<>();
        for (GlobalSecondaryIndex index : code.globalSecondaryIndexes()) {
            codeIndexes.put(index.indexName(), List.of(
                    keys(index.keySchema().stream().map(k -> Map.of("AttributeName", k.attributeName(), "KeyType", k.keyTypeAsString())).toList()),
                    index.projection().projectionTypeAsString()));
        }
        assertThat(indexes).as("indexes of " + table.tableName()).isEqualTo(codeIndexes);
        assertThat(props).doesNotContainKey("LocalSecondaryIndexes");

        assertThat(props.get("TimeToLiveSpecification")).as("TTL of " + table.tableName())
                .isEqualTo(Map.of("AttributeName", table.schema().ttlAttribute(), "Enabled", true));
    }

    // ----- bucket

    @Test
    void bucketIsPrivateEncryptedAndReadableOnlyFromTheAllowedCidr() {
        String bucketId = template.resourcesOfType("AWS::S3::Bucket").get(0);
        Map<String, Object> bucket = map(resolver.resolve(template.properties(bucketId)));
        assertThat(bucket).doesNotContainKeys("AccessControl", "WebsiteConfiguration");
        assertThat(map(bucket.get("PublicAccessBlockConfiguration")))
                .containsEntry("BlockPublicAcls", true).containsEntry("IgnorePublicAcls", true);
        assertThat(map(list(map(bucket.get("OwnershipControls")).get("Rules")).get(0))).containsEntry("ObjectOwnership", "BucketOwnerEnforced");
        Map<String, Object> encryption = map(map(list(map(bucket.get("BucketEncryption")).get("ServerSideEncryptionConfiguration")).get(0))
                .get("ServerSideEncryptionByDefault"));
        assertThat(encryption.get("SSEAlgorithm")).as("SSE-S3: anonymous reads cannot use a KMS key").isEqualTo("AES256");

        List<String> policies = template.resourcesOfType("AWS::S3::BucketPolicy");
        assertThat(policies).hasSize(1);
        Map<String, Object> policy = map(resolver.resolve(template.properties(policies.get(0))));
        String name = (String) resolver.ref(bucketId);
        assertThat(policy.get("Bucket")).isEqualTo(name);
        List<Object> statements = list(map(policy.get("PolicyDocument")).get("Statement"));
        List<Object> allows = statements.stream().filter(s -> "Allow".equals(map(s).get("Effect"))).toList();
        assertThat(allows).as("one Allow statement").hasSize(1);
        Map<String, Object> allow = map(allows.get(0));
        assertThat(list(allow.get("Action"))).containsExactly("s3:GetObject");
        assertThat(list(allow.get("Resource"))).containsExactly("arn:aws:s3:::" + name + "/*");
        assertThat(allow.get("Condition")).as("the read is limited to AllowedCidr")
                .isEqualTo(Map.of("IpAddress", Map.of("aws:SourceIp", "203.0.113.0/24")));
        for (Object s : statements) {
            Map<String, Object> statement = map(s);
            if ("Deny".equals(statement.get("Effect"))) {
                assertThat(statement.get("Condition")).as("the only Deny refuses plain HTTP")
                        .isEqualTo(Map.of("Bool", Map.of("aws:SecureTransport", "false")));
            }
        }
    }

    @Test
    void allowedCidrMustBeACidrOfAtLeastSlash8() {
        String pattern = (String) map(template.section("Parameters").get("AllowedCidr")).get("AllowedPattern");
        assertThat("203.0.113.7/32").matches(pattern);
        assertThat("10.0.0.0/8").matches(pattern);
        assertThat("0.0.0.0/0").doesNotMatch(pattern);
        assertThat("203.0.113.7").doesNotMatch(pattern);
        assertThat("300.1.1.1/32").doesNotMatch(pattern);
        assertThat(map(template.section("Parameters").get("AllowedCidr"))).as("no default: the operator must say who reads")
                .doesNotContainKey("Default");
    }

    // ----- secrets

    @Test
    void secretsAreCreatedWithEveryKeyEmpty() throws IOException {
        Map<String, Set<String>> found = new TreeMap<>();
        for (String id : template.resourcesOfType("AWS::SecretsManager::Secret")) {
            Map<String, Object> props = template.properties(id);
            Map<String, Object> json = map(new org.yaml.snakeyaml.Yaml().load(resolver.string(props.get("SecretString"))));
            assertThat(json.values()).as("placeholder values of " + id).allMatch(""::equals);
            found.put(resolver.string(props.get("Name")), new TreeSet<>(json.keySet()));
            assertThat(props).as(id + " holds its own string").doesNotContainKey("GenerateSecretString");
        }
        Map<String, Set<String>> expected = new TreeMap<>();
        SECRET_KEYS.forEach((k, v) -> expected.put(k, new TreeSet<>(v)));
        assertThat(found).isEqualTo(expected);
    }

    @Test
    void secretsSurviveStackDeletionAndReplacement() {
        // CloudFormation deletes a secret with no recovery window: the filled credentials and the
        // rotating Webex refresh token would be gone for good after `sam delete` or a replacement.
        List<String> secrets = template.resourcesOfType("AWS::SecretsManager::Secret");
        assertThat(secrets).hasSize(2);
        for (String id : secrets) {
            Map<String, Object> resource = template.resource(id);
            assertThat(resource.get("DeletionPolicy")).as(id).isEqualTo("RetainExceptOnCreate");
            assertThat(resource.get("UpdateReplacePolicy")).as(id).isEqualTo("Retain");
        }
    }

    // ----- API, globals, outputs

    @Test
    void webhookApiIsARestApiWithTheOriginalsStage() {
        List<String> apis = template.resourcesOfType("AWS::Serverless::Api");
        assertThat(apis).hasSize(1);
        Map<String, Object> api = template.properties(apis.get(0));
        assertThat(api.get("StageName")).isEqualTo("release");
        assertThat(template.resourcesOfType("AWS::Serverless::HttpApi")).isEmpty();
    }

    @Test
    void globalsSetTheRuntimeArchitectureJsonLogsAndC1() {
        Map<String, Object> function = map(template.section("Globals").get("Function"));
        assertThat(function.get("Runtime")).isEqualTo("java21");
        assertThat(list(function.get("Architectures"))).containsExactly("arm64");
        assertThat(map(function.get("LoggingConfig"))).containsEntry("LogFormat", "JSON");
        assertThat(map(map(function.get("Environment")).get("Variables")))
                .containsEntry("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
    }

    @Test
    void outputsGiveTheDashboardWebhookFunctionsAliasAndSecrets() {
        Map<String, String> outputs = new LinkedHashMap<>();
        template.section("Outputs").forEach((k, v) -> outputs.put(k, resolver.string(map(v).get("Value"))));
        String bucket = (String) resolver.ref(template.resourcesOfType("AWS::S3::Bucket").get(0));
        assertThat(outputs).containsEntry("DashboardUrl", "https://" + bucket + ".s3.us-east-1.amazonaws.com/index.html")
                .containsEntry("WebhookUrl", "https://webhookapiid.execute-api.us-east-1.amazonaws.com/release/tecloudagent")
                .containsEntry("MtgQualityInvokeName", "webexdev-mtgquality:live")
                .containsEntry("AppSecretName", "webexdev/secrets")
                .containsEntry("MtgQualityTokenSecretName", "webexdev/mtgquality-token");
        assertThat(outputs.values()).contains("webexdev-status", "webexdev-te", "webexdev-twitterapi",
                "webexdev-mtgquality", "webexdev-core");
    }

    private static Map<String, Object> tableProperties(ProjectTables table) {
        for (String id : template.resourcesOfType("AWS::DynamoDB::Table")) {
            Map<String, Object> props = map(resolver.resolve(template.properties(id)));
            if (table.tableName().equals(props.get("TableName"))) {
                return props;
            }
        }
        throw new AssertionError("template.yaml has no table " + table.tableName());
    }

    /** "name:HASH, name:RANGE" in schema order. */
    private static String keys(Object schema) {
        StringBuilder out = new StringBuilder();
        for (Object k : list(schema)) {
            Map<String, Object> key = map(k);
            out.append(out.isEmpty() ? "" : ", ").append(key.get("AttributeName")).append(':').append(key.get("KeyType"));
        }
        return out.toString();
    }
}
