package com.webexqoe.common.secrets;

import com.webexqoe.common.WebexdevException;
import com.webexqoe.common.aws.AwsClientSettings;
import com.webexqoe.common.config.Env;
import com.webexqoe.common.json.Json;
import com.webexqoe.testkit.AwsJsonStub;
import com.webexqoe.testkit.MutableClock;
import com.webexqoe.testkit.StandInEnv;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretStoreTest {

    @RegisterExtension
    static final AwsJsonStub aws = new AwsJsonStub();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T00:00:00Z"));
    private SecretsManagerClient client;
    private SecretStore store;

    @BeforeEach
    void buildStoreAgainstTheStub() {
        Env env = Env.of(StandInEnv.create().secretsManager(aws.endpoint()).toMap());
        client = SecretsManagerClients.create(AwsClientSettings.fromEnv(env));
        store = new SecretStore(client, clock, Duration.ofMinutes(5));
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void readsAJsonSecretThroughTheSdkAndCachesItForTheTtl() {
        aws.givenSecret("webexdev/secrets", Map.of("userEmail", "user@example.com", "TE_OAUTHBEARER_TOKEN_V7", "te-token"));

        Secret secret = store.get("webexdev/secrets");
        clock.advance(Duration.ofMinutes(4));
        store.get("webexdev/secrets");

        assertThat(secret.required("userEmail")).isEqualTo("user@example.com");
        assertThat(secret.optional("TWITTER_BEARER_TOKEN")).isEmpty();
        assertThat(aws.requests(AwsJsonStub.GET_SECRET_VALUE)).hasSize(1);
        assertThat(aws.requests(AwsJsonStub.GET_SECRET_VALUE).get(0).get("SecretId").asText()).isEqualTo("webexdev/secrets");

        clock.advance(Duration.ofMinutes(2));
        store.get("webexdev/secrets");
        assertThat(aws.requests(AwsJsonStub.GET_SECRET_VALUE)).hasSize(2);
    }

    @Test
    void updateReplacesOnlyTheGivenKeysAndKeepsTheDocumentExactly() throws Exception {
        String name = "webexdev/mtgquality-token";
        aws.givenSecretString(name, "{\"ACCESS_TOKEN\":\"old-a\",\"REFRESH_TOKEN\":\"old-r\",\"expires_in\":1209600,"
                + "\"ratio\":0.1,\"scopes\":[\"spark:all\",\"analytics:read_all\"],\"issued\":{\"by\":\"webex\",\"at\":null},"
                + "\"note\":null,\"rotated\":false}");

        Secret written = store.update(name, Map.of("ACCESS_TOKEN", "new-a", "REFRESH_TOKEN", "new-r"));

        var puts = aws.requests(AwsJsonStub.PUT_SECRET_VALUE);
        assertThat(puts).hasSize(1);
        assertThat(puts.get(0).get("SecretId").asText()).isEqualTo(name);
        var expected = Json.read("{\"ACCESS_TOKEN\":\"new-a\",\"REFRESH_TOKEN\":\"new-r\",\"expires_in\":1209600,"
                + "\"ratio\":0.1,\"scopes\":[\"spark:all\",\"analytics:read_all\"],\"issued\":{\"by\":\"webex\",\"at\":null},"
                + "\"note\":null,\"rotated\":false}");
        assertThat(Json.read(puts.get(0).get("SecretString").asText())).isEqualTo(expected);
        assertThat(Json.read(aws.secretString(name).orElseThrow())).isEqualTo(expected);
        assertThat(written.required("ACCESS_TOKEN")).isEqualTo("new-a");
        assertThat(written.required("expires_in")).isEqualTo("1209600");
    }

    @Test
    void theStandInKeepsWhatWasWrittenSoTheNextReadSeesIt() {
        String name = "webexdev/mtgquality-token";
        aws.givenSecret(name, Map.of("ACCESS_TOKEN", "old-a", "REFRESH_TOKEN", "old-r"));

        store.update(name, Map.of("ACCESS_TOKEN", "new-a"));
        SecretStore otherContainer = new SecretStore(client, clock, Duration.ofMinutes(5));

        assertThat(otherContainer.get(name).required("ACCESS_TOKEN")).isEqualTo("new-a");
        assertThat(otherContainer.get(name).required("REFRESH_TOKEN")).isEqualTo("old-r");
    }

    @Test
    void invalidateAndGetFreshBypassAStaleCachedCopy() {
        String name = "webexdev/mtgquality-token";
        aws.givenSecret(name, Map.of("ACCESS_TOKEN", "a1"));
        assertThat(store.get(name).required("ACCESS_TOKEN")).isEqualTo("a1");

        // Another container rotates the token.
        new SecretStore(client, clock, Duration.ofMinutes(5)).update(name, Map.of("ACCESS_TOKEN", "a2"));

        assertThat(store.get(name).required("ACCESS_TOKEN")).as("cached copy within the TTL").isEqualTo("a1");
        assertThat(store.getFresh(name).required("ACCESS_TOKEN")).isEqualTo("a2");
        new SecretStore(client, clock, Duration.ofMinutes(5)).update(name, Map.of("ACCESS_TOKEN", "a3"));
        store.invalidate(name);
        assertThat(store.get(name).required("ACCESS_TOKEN")).isEqualTo("a3");
    }

    @Test
    void updateOfAMissingSecretWritesNothing() {
        aws.givenNoSecret("webexdev/mtgquality-token");

        assertThatThrownBy(() -> store.update("webexdev/mtgquality-token", Map.of("ACCESS_TOKEN", "x")))
                .hasMessage("secret webexdev/mtgquality-token does not exist in Secrets Manager");
        assertThat(aws.requests(AwsJsonStub.PUT_SECRET_VALUE)).isEmpty();
    }

    @Test
    void missingSecretIsNamed() {
        aws.givenNoSecret("webexdev/secrets");

        assertThatThrownBy(() -> store.get("webexdev/secrets"))
                .isInstanceOf(WebexdevException.class)
                .hasMessage("secret webexdev/secrets does not exist in Secrets Manager");
    }

    @Test
    void malformedSecretIsReportedWithoutItsValue() {
        aws.givenSecretString("webexdev/secrets", "{\"CLIENT_SECRET\": \"s3cr3t-value\"");

        assertThatThrownBy(() -> store.get("webexdev/secrets"))
                .isInstanceOf(WebexdevException.class)
                .hasMessage("secret webexdev/secrets is not valid JSON")
                .hasMessageNotContaining("s3cr3t-value");
    }

    @Test
    void missingKeyIsNamedAndValuesNeverPrinted() {
        aws.givenSecret("webexdev/secrets", Map.of("CLIENT_SECRET", "s3cr3t-value"));
        Secret secret = store.get("webexdev/secrets");

        assertThatThrownBy(() -> secret.required("CLIENT_ID")).hasMessage("secret webexdev/secrets has no value for key CLIENT_ID");
        assertThat(secret.toString()).contains("CLIENT_SECRET").doesNotContain("s3cr3t-value");
    }
}
