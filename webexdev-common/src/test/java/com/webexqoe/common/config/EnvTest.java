package com.webexqoe.common.config;

import com.webexqoe.common.WebexdevException;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvTest {

    @Test
    void missingRequiredVariableIsNamed() {
        Env env = Env.of(Map.of("OTHER", "x"));
        assertThatThrownBy(() -> env.required(EnvVars.DYNAMODB_TABLENAME))
                .isInstanceOf(WebexdevException.class)
                .hasMessage("DYNAMODB_TABLENAME is not set");
    }

    @Test
    void blankCountsAsMissing() {
        Env env = Env.of(Map.of(EnvVars.S3_BUCKET_NAME, "   "));
        assertThat(env.optional(EnvVars.S3_BUCKET_NAME)).isEmpty();
        assertThatThrownBy(() -> env.required(EnvVars.S3_BUCKET_NAME)).hasMessage("S3_BUCKET_NAME is not set");
    }

    @Test
    void zoneFollowsTzIncludingLambdasColonForm() {
        assertThat(Env.of(Map.of("TZ", "Asia/Tokyo")).zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(Env.of(Map.of("TZ", ":UTC")).zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(Env.of(Map.of()).zone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void unknownZoneIsReportedWithItsValue() {
        assertThatThrownBy(() -> Env.of(Map.of("TZ", "Asia/Tokio")).zone())
                .isInstanceOf(WebexdevException.class)
                .hasMessageContaining("TZ 'Asia/Tokio' is not a known time zone");
    }

    @Test
    void urlFallsBackToDefaultAndRejectsNonsense() {
        assertThat(Env.of(Map.of()).url(EnvVars.STATUS_RSS_URL, EnvVars.STATUS_RSS_URL_DEFAULT))
                .hasToString("https://status.webex.com/history.rss");
        assertThatThrownBy(() -> Env.of(Map.of(EnvVars.STATUS_RSS_URL, "status.webex.com/feed"))
                .url(EnvVars.STATUS_RSS_URL, EnvVars.STATUS_RSS_URL_DEFAULT))
                .hasMessageContaining("STATUS_RSS_URL is not a valid http(s) URL");
    }

    @Test
    void numbersMustBePositive() {
        assertThat(Env.of(Map.of("HTTP_MAX_ATTEMPTS", "2")).intOrDefault("HTTP_MAX_ATTEMPTS", 4)).isEqualTo(2);
        assertThat(Env.of(Map.of()).intOrDefault("HTTP_MAX_ATTEMPTS", 4)).isEqualTo(4);
        assertThatThrownBy(() -> Env.of(Map.of("HTTP_MAX_ATTEMPTS", "many")).intOrDefault("HTTP_MAX_ATTEMPTS", 4))
                .hasMessage("HTTP_MAX_ATTEMPTS must be a positive whole number, got 'many'");
    }
}
