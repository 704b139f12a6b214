package com.webexqoe.mtgquality;

import com.fasterxml.jackson.databind.JsonNode;
import com.webexqoe.common.WebexdevException;
import com.webexqoe.common.json.Json;
import com.webexqoe.common.log.JsonLog;
import com.webexqoe.common.time.Deadline;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The run's order and its failure paths, with the ports replaced by recording fakes. */
class MeetingQualityCollectorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T04:50:00Z"), ZoneOffset.UTC);

    private final List<String> calls = new ArrayList<>();
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final JsonLog log = new JsonLog("webexdev-mtgquality", new PrintStream(logBytes, true, StandardCharsets.UTF_8), CLOCK);
    private RuntimeException saveFailure;

    private final TokenSecrets secrets = new TokenSecrets() {
        @Override
        public IntegrationSettings integration() {
            calls.add("read settings");
            return new IntegrationSettings("client-id", "SECRET-client", "host@example.com");
        }

        @Override
        public String currentRefreshToken() {
            calls.add("read refresh token");
            return "R-old";
        }

        @Override
        public String save(TokenPair tokens) {
            calls.add("save " + tokens.accessToken() + "/" + tokens.refreshToken().orElse("-"));
            if (saveFailure != null) {
                throw saveFailure;
            }
            return tokenSecretName();
        }

        @Override
        public String tokenSecretName() {
            return "webexdev/mtgquality-token";
        }
    };

    private final TokenEndpoint tokens = (integration, refreshToken, deadline) -> {
        calls.add("refresh with " + refreshToken);
        return new TokenPair("A-new", Optional.of("R-new"), Optional.of(Duration.ofDays(14)), Optional.of(Duration.ofDays(90)));
    };

    private final WebexMeetings meetings = new WebexMeetings() {
        @Override
        public List<String> inProgressMeetingIds(String hostEmail, String accessToken, Deadline deadline) {
            calls.add("list meetings of " + hostEmail + " with " + accessToken);
            return List.of("m1", "m2");
        }

        @Override
        public QualityPage qualitiesPage(String meetingId, Optional<URI> continueAt, String accessToken, Deadline deadline) {
            calls.add("qualities of " + meetingId + " with " + accessToken);
            if (meetingId.equals("m1")) {
                throw new WebexdevException("Webex meeting qualities of meeting m1: HTTP 500");
            }
            return new QualityPage(List.of(participant("kenji.ito@example.com")), Optional.empty(), Optional.empty());
        }
    };

    private final QualityStore store = (records, readAt) -> calls.add("store " + records.size());

    private final CallLedger ledger = new CallLedger() {
        @Override
        public Turn take(String meetingId, Instant now) {
            calls.add("turn of " + meetingId);
            return new Granted(Optional.empty());
        }

        @Override
        public void pageRead(String meetingId, Optional<URI> nextPage) {
            calls.add("read " + meetingId + (nextPage.isPresent() ? " in part" : " to its end"));
        }
    };

    private MeetingQualityCollector collector() {
        return new MeetingQualityCollector(secrets, tokens, meetings, store, ledger, false, CLOCK, "test");
    }

    private static JsonNode participant(String email) {
        try {
            return Json.read("{\"meetingInstanceId\":\"m2\",\"webexUserEmail\":\"" + email + "\"}");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void savesTheNewPairBeforeAnyOtherCallThenUsesTheNewAccessTokenAndFailsAfterStoringTheRest() {
        MeetingQualityException failure = catchThrowableOfType(MeetingQualityException.class,
                () -> collector().collect(Deadline.after(Duration.ofSeconds(10), CLOCK), log));

        assertThat(calls).containsExactly(
                "read settings",
                "read refresh token",
                "refresh with R-old",
                "save A-new/R-new",
                "list meetings of host@example.com with A-new",
                "turn of m1",
                "qualities of m1 with A-new",
                "turn of m2",
                "qualities of m2 with A-new",
                "store 1",
                "read m2 to its end");
        assertThat(failure).hasMessage("qualities of 1 of 2 meetings in progress could not be read: "
                + "m1 (Webex meeting qualities of meeting m1: HTTP 500). Stored 1 records (2 meetings found, 1 failed); "
                + "stored: m2; partial: none; skipped: none.");
        assertThat(logBytes.toString(StandardCharsets.UTF_8))
                .contains("\"message\":\"webex token refreshed and saved\"")
                .contains("\"refreshTokenChanged\":true")
                .contains("\"refreshTokenExpiresInSeconds\":7776000")
                .doesNotContain("A-new").doesNotContain("R-new").doesNotContain("R-old").doesNotContain("SECRET-client");
    }

    @Test
    void aPairThatCannotBeSavedIsNeverUsed() {
        saveFailure = new IllegalStateException("PutSecretValue denied for A-new");

        MeetingQualityException failure = catchThrowableOfType(MeetingQualityException.class,
                () -> collector().collect(Deadline.after(Duration.ofSeconds(10), CLOCK), log));

        assertThat(calls).last().isEqualTo("save A-new/R-new");
        assertThat(failure.getMessage())
                .startsWith("Webex issued new tokens but they could not be written to secret webexdev/mtgquality-token "
                        + "(IllegalStateException); nothing else was called")
                .doesNotContain("A-new");
    }
}
