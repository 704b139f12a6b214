package com.webexqoe.te;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webexqoe.common.config.Env;
import com.webexqoe.common.dynamo.AttributeValues;
import com.webexqoe.common.json.Json;
import com.webexqoe.common.log.JsonLog;
import com.webexqoe.common.schema.AlertTable;
import com.webexqoe.common.schema.PollingTable;
import com.webexqoe.te.alert.DynamoAlertStore;
import com.webexqoe.testkit.AwsJsonStub;
import com.webexqoe.testkit.DynaliteExtension;
import com.webexqoe.testkit.LambdaInvoker;
import com.webexqoe.testkit.MutableClock;
import com.webexqoe.testkit.StandInEnv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input for the alert webhook: {@value #BODIES} generated bodies ({@link WebhookCorpus},
 * fixed seed) through the real entry point — API Gateway proxy events into ONE warm {@link TeHandler}
 * against dynalite and the Secrets Manager stand-in. No answer may be a 5xx, no invocation may end
 * in a Lambda error, every valid alert is stored exactly once with the body as sent, and nothing
 * else is stored. The figures go to {@code target/webhook-corpus.txt}.
 */
class WebhookCorpusTest {

    static final int BODIES = 1200;

    @RegisterExtension
    static final DynaliteExtension dynamo = new DynaliteExtension();
    @RegisterExtension
    static final AwsJsonStub aws = new AwsJsonStub();

    static final String SECRET = "webexdev/secrets";
    static final String WEBHOOK_TOKEN = "whk-corpus-5e1d7a3c9b";
    static final String TABLE = AlertTable.SCHEMA.tableName();

    @Test
    void aThousandHostileBodiesGetNo5xxNoLambdaErrorAndEveryValidAlertIsStoredExactlyOnce() throws Exception {
        dynamo.create(AlertTable.SCHEMA.createTableRequest());
        aws.givenSecret(SECRET, Map.of("TE_OAUTHBEARER_TOKEN_V7", "te-token", "TE_WEBHOOK_TOKEN", WEBHOOK_TOKEN));
        MutableClock clock = new MutableClock(Instant.parse("2026-11-28T03:00:00Z"));
        // One container: one handler, warm after the first call. Its log goes nowhere (1,200 lines).
        TeHandler handler = new TeHandler(new TeWiring(Env.of(env().toMap()), clock),
                new JsonLog("webexdev-te", new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8), clock));
        List<WebhookCorpus.Case> corpus = new WebhookCorpus(List.of(
                Fixtures.text("alerts/alert-trigger-http-server-response-time.json"),
                Fixtures.text("alerts/alert-clear-http-server-response-code.json"))).generate(BODIES);

        int serverErrors = 0;
        int lambdaErrors = 0;
        List<String> wrong = new ArrayList<>();
        Map<String, int[]> byKind = new TreeMap<>();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        for (WebhookCorpus.Case c : corpus) {
            clock.advance(Duration.ofMillis(7));
            JsonNode response;
            try {
                response = Json.read(LambdaInvoker.invoke(handler, "webexdev-te", proxyEvent(c)));
            } catch (RuntimeException e) {
                lambdaErrors++;
                wrong.add(c.index() + " " + c.kind() + ": Lambda error " + e);
                continue;
            }
            int status = response.path("statusCode").asInt();
            JsonNode body = Json.read(response.path("body").asText("{}"));
            byStatus.merge(status, 1, Integer::sum);
            byKind.computeIfAbsent(c.kind(), k -> new int[1])[0]++;
            if (status >= 500) {
                serverErrors++;
            }
            boolean ok = switch (c.expect()) {
                case STORED -> status == 200 && body.path("stored").asBoolean(false);
                case DUPLICATE -> status == 200 && body.path("duplicate").asBoolean(false) && !body.path("stored").asBoolean(true);
                case TEST -> status == 200 && body.path("test").asBoolean(false);
                case REFUSED -> (status == 400 || status == 413) && !body.path("error").asText().isBlank()
                        && body.path("error").asText().length() < 120;
            };
            if (!ok) {
                wrong.add(c.index() + " " + c.kind() + ": expected " + c.expect() + ", got " + status + " " + shortText(body.toString()));
            }
        }

        // What the table holds: the alert items (not the delivery markers), by eventId.
        List<Map<String, AttributeValue>> items = dynamo.scan(TABLE);
        Map<String, List<Map<String, AttributeValue>>> alerts = new HashMap<>();
        Set<String> markers = new LinkedHashSet<>();
        for (Map<String, AttributeValue> item : items) {
            String id = item.get("eventid").s();
            if (item.get("datetime").s().equals(DynamoAlertStore.DELIVERY_MARK)) {
                markers.add(id);
            } else {
                alerts.computeIfAbsent(id, k -> new ArrayList<>()).add(item);
            }
        }
        Map<String, WebhookCorpus.Case> valid = new LinkedHashMap<>();
        corpus.stream().filter(c -> c.expect() == WebhookCorpus.Expect.STORED).forEach(c -> valid.put(c.eventId(), c));
        int lost = 0;
        int duplicatesStored = 0;
        int changed = 0;
        for (WebhookCorpus.Case c : valid.values()) {
            List<Map<String, AttributeValue>> stored = alerts.getOrDefault(c.eventId(), List.of());
            if (stored.isEmpty()) {
                lost++;
                continue;
            }
            duplicatesStored += stored.size() - 1;
            if (!canonical(AttributeValues.toJson(stored.get(0).get("items"))).equals(canonical(c.sent()))) {
                changed++;
                wrong.add(c.index() + " " + c.kind() + ": stored body differs from the body sent");
            }
        }
        Set<String> unexpected = new LinkedHashSet<>(alerts.keySet());
        unexpected.removeAll(valid.keySet());
        Set<String> strayMarkers = new LinkedHashSet<>(markers);
        strayMarkers.removeAll(valid.keySet());

        long validCount = valid.size();
        long duplicatesSent = corpus.stream().filter(c -> c.expect() == WebhookCorpus.Expect.DUPLICATE).count();
        long refused = corpus.stream().filter(c -> c.expect() == WebhookCorpus.Expect.REFUSED).count();
        String figures = "webhook corpus (seed " + WebhookCorpus.SEED + ", one warm TeHandler, dynalite)\n"
                + "bodies tried: " + corpus.size() + "\n"
                + "valid alerts: " + validCount + ", redeliveries: " + duplicatesSent + ", WEBHOOK_TEST: "
                + corpus.stream().filter(c -> c.expect() == WebhookCorpus.Expect.TEST).count() + ", to refuse: " + refused + "\n"
                + "answers by status: " + byStatus + "\n"
                + "5xx seen: " + serverErrors + "\n"
                + "Lambda errors: " + lambdaErrors + "\n"
                + "alerts lost: " + lost + "\n"
                + "duplicates stored: " + duplicatesStored + "\n"
                + "stored bodies changed: " + changed + "\n"
                + "other items stored: " + unexpected.size() + " (stray delivery markers: " + strayMarkers.size() + ")\n"
                + "bodies by kind: " + kinds(byKind) + "\n";
        Path out = Path.of("target", "webhook-corpus.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, figures + (wrong.isEmpty() ? "" : "wrong answers:\n" + String.join("\n", wrong) + "\n"));

        assertThat(corpus).hasSizeGreaterThanOrEqualTo(1000);
        assertThat(wrong).as(figures).isEmpty();
        assertThat(serverErrors).isZero();
        assertThat(lambdaErrors).isZero();
        assertThat(lost).isZero();
        assertThat(duplicatesStored).isZero();
        assertThat(unexpected).isEmpty();
        assertThat(strayMarkers).isEmpty();
        assertThat(alerts).hasSize(valid.size());
        // the corpus really exercises both sides
        assertThat(validCount).isGreaterThan(250);
        assertThat(refused).isGreaterThan(400);
        assertThat(duplicatesSent).isGreaterThan(50);
    }

    private static String kinds(Map<String, int[]> byKind) {
        StringBuilder text = new StringBuilder();
        byKind.forEach((kind, count) -> text.append(text.length() == 0 ? "" : ", ").append(kind).append(' ').append(count[0]));
        return text.toString();
    }

    /** The proxy event of events/ with the case's body, plain or base64, and the right bearer token. */
    static String proxyEvent(WebhookCorpus.Case c) {
        ObjectNode event = (ObjectNode) Fixtures.json("events/apigateway-post-tecloudagent.json");
        if (c.base64()) {
            event.put("body", Base64.getEncoder().encodeToString(c.body()));
            event.put("isBase64Encoded", true);
        } else {
            event.put("body", new String(c.body(), StandardCharsets.UTF_8));
        }
        ((ObjectNode) event.get("headers")).put("Authorization", "Bearer " + WEBHOOK_TOKEN);
        ((ObjectNode) event.get("multiValueHeaders")).putArray("Authorization").add("Bearer " + WEBHOOK_TOKEN);
        return Json.write(event);
    }

    /** Numbers compared by value (DynamoDB keeps 1E+2 as 100), everything else exactly. */
    static JsonNode canonical(JsonNode node) {
        if (node.isNumber()) {
            BigDecimal value = node.decimalValue();
            return WebhookCorpus.NODES.numberNode(value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros());
        }
        if (node.isObject()) {
            ObjectNode copy = WebhookCorpus.NODES.objectNode();
            node.fields().forEachRemaining(field -> copy.set(field.getKey(), canonical(field.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = WebhookCorpus.NODES.arrayNode();
            node.forEach(element -> copy.add(canonical(element)));
            return copy;
        }
        return node;
    }

    private static String shortText(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }

    static StandInEnv env() {
        return StandInEnv.create()
                .dynamoDb(dynamo.endpoint())
                .secretsManager(aws.endpoint())
                .s3(java.net.URI.create("http://127.0.0.1:9"))
                .set("DYNAMODB_TABLENAME", TABLE)
                .set("DYNAMODB_TABLENAME_PO", PollingTable.SCHEMA.tableName())
                .set("S3_BUCKET_NAME", "webexdev-dashboard")
                .set("SECRETMANAGER_NAME", SECRET)
                .set("API_URL_MMP", "https://api.thousandeyes.com/v7/test-results/1/path-vis")
                .set("API_URL_WZ", "https://api.thousandeyes.com/v7/test-results/2/path-vis")
                .set("API_URL_CD", "https://api.thousandeyes.com/v7/test-results/3/path-vis")
                .set("API_URL_MMP_NET", "https://api.thousandeyes.com/v7/test-results/1/network")
                .set("API_URL_HTTP_WEB", "https://api.thousandeyes.com/v7/test-results/2/http-server")
                .set("TZ", "Asia/Tokyo");
    }
}
