package com.webexqoe.common.secrets;

import com.webexqoe.common.WebexdevException;
import com.webexqoe.common.aws.AwsClientSettings;
import com.webexqoe.common.config.Env;
import com.webexqoe.testkit.AwsJsonStub;
import com.webexqoe.testkit.StandInEnv;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.webexqoe.testkit.MutableClock;
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
    private SecretStore store;

    @BeforeEach
    void buildStoreAgainstTheStub() {
        Env env = Env.of(StandInEnv.create().secretsManager(aws.endpoint()).toMap());
        store = new SecretStore(SecretsManagerClients.create(AwsClientSettings.fromEnv(env)), clock, Duration.ofMinutes(5));
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
    void writesANewVersionAndServesItFromTheCache() {
        aws.givenSecret("webexdev/mtgquality-token", Map.of("ACCESS_TOKEN", "old-a", "REFRESH_TOKEN", "old-r"));

        store.put(new Secret("webexdev/mtgquality-token", Map.of("ACCESS_TOKEN", "new-a", "REFRESH_TOKEN", "new-r")));

        var puts = aws.requests(AwsJsonStub.PUT_SECRET_VALUE);
        assertThat(puts).hasSize(1);
        assertThat(puts.get(0).get("SecretId").asText()).isEqualTo("webexdev/mtgquality-token");
        assertThat(puts.get(0).get("SecretString").asText()).contains("\"ACCESS_TOKEN\":\"new-a\"").contains("\"REFRESH_TOKEN\":\"new-r\"");
        assertThat(store.get("webexdev/mtgquality-token").required("ACCESS_TOKEN")).isEqualTo("new-a");
        assertThat(aws.requests(AwsJsonStub.GET_SECRET_VALUE)).isEmpty();
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
