package com.webexqoe.mtgquality;

import com.webexqoe.common.WebexdevException;
import com.webexqoe.common.http.HttpStatusException;
import com.webexqoe.common.lambda.FunctionRun;
import com.webexqoe.common.log.JsonLog;
import com.webexqoe.common.time.Deadline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webexqoe.common.json.Json;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One run of the meeting-quality function (docs/behaviour.md#mtgquality):
 * <ol>
 *   <li>refresh the Webex token and write the new pair to the token secret <b>before</b> any other
 *       call; a refresh that fails leaves the secret exactly as it was and calls nothing else;</li>
 *   <li>a scheduled event (the weekly keep-alive, {@link #keepAlive}) stops here: the refresh token
 *       stays in use, so it never lapses, and no meeting is read;</li>
 *   <li>otherwise, with the <b>new</b> access token, list the host's meetings in progress;</li>
 *   <li>for each, take its turn in the {@link CallLedger} (Webex: one Meeting Qualities call per
 *       meeting instance every 5 minutes) and, when granted, read <b>one</b> page of its quality
 *       records (the first, or the next page an earlier run left) and store one item per
 *       participant. A meeting with more pages is <i>partial</i> and continued by a run at least
 *       5 minutes later; a meeting asked less than 5 minutes ago is <i>skipped</i>. A meeting whose
 *       records cannot be read does not stop the others, and the run then fails after storing theirs.</li>
 * </ol>
 */
public final class MeetingQualityCollector {

    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** A meeting read in part: its next page may be asked from {@code nextAfter}. */
    public record Partial(String meetingId, Instant nextAfter) {
        String describe() {
            return meetingId + " (next page after " + UTC_TIME.format(nextAfter) + ")";
        }
    }

    /** A meeting not asked: Webex was asked for it at {@code lastAsked}, so not before {@code nextAfter}. */
    public record Skipped(String meetingId, Instant lastAsked, Instant nextAfter, Instant now) {
        String reason() {
            Duration ago = Duration.between(lastAsked, now);
            String agoText = ago.toMinutes() >= 1 ? ago.toMinutes() + " min ago" : Math.max(0, ago.toSeconds()) + " s ago";
            return "asked " + agoText + ", next after " + UTC_TIME.format(nextAfter);
        }

        String describe() {
            return meetingId + " (" + reason() + ")";
        }
    }

    /** What one run did: logged and answered to whoever invoked the function. */
    public record Result(int meetingsFound, int recordsStored, int guestRecords, int meetingsFailed,
                         int recordsSkipped, int recordsSuperseded, String outcome, List<String> stored,
                         List<Partial> partial, List<Skipped> skipped) implements FunctionRun.Result {

        public Result {
            stored = List.copyOf(stored);
            partial = List.copyOf(partial);
            skipped = List.copyOf(skipped);
        }

        static Result nothing(String outcome) {
            return new Result(0, 0, 0, 0, 0, 0, outcome, List.of(), List.of(), List.of());
        }

        /** Counts, and the meetings by name (one text each), for the log line. */
        @Override
        public Map<String, Object> fields() {
            Map<String, Object> fields = counts();
            fields.put("meetingsStored", String.join(", ", stored));
            fields.put("meetingsPartial", String.join(", ", partial.stream().map(Partial::describe).toList()));
            fields.put("meetingsSkipped", String.join(", ", skipped.stream().map(Skipped::describe).toList()));
            return fields;
        }

        private Map<String, Object> counts() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("outcome", outcome);
            fields.put("meetingsFound", meetingsFound);
            fields.put("recordsStored", recordsStored);
            fields.put("guestRecords", guestRecords);
            fields.put("meetingsFailed", meetingsFailed);
            fields.put("recordsSkipped", recordsSkipped);
            fields.put("recordsSuperseded", recordsSuperseded);
            return fields;
        }

        /** The answer: the counts, and the meetings stored, partial and skipped as lists. */
        @Override
        public String answer() {
            ObjectNode answer = Json.MAPPER.valueToTree(counts());
            ArrayNode whole = answer.putArray("meetingsStored");
            stored.forEach(whole::add);
            ArrayNode parts = answer.putArray("meetingsPartial");
            for (Partial p : partial) {
                parts.addObject().put("meetingId", p.meetingId()).put("nextPageAfter", p.nextAfter().toString());
            }
            ArrayNode skips = answer.putArray("meetingsSkipped");
            for (Skipped s : skipped) {
                skips.addObject().put("meetingId", s.meetingId()).put("lastAskedAt", s.lastAsked().toString())
                        .put("nextAfter", s.nextAfter().toString()).put("reason", s.reason());
            }
            return Json.write(answer);
        }
    }

    /** What a keep-alive run did. */
    public record KeepAlive(boolean refreshTokenChanged) implements FunctionRun.Result {
        @Override
        public Map<String, Object> fields() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("outcome", "token pair rotated (scheduled keep-alive); no meeting read");
            fields.put("refreshTokenChanged", refreshTokenChanged);
            return fields;
        }
    }

    private final TokenSecrets secrets;
    private final TokenEndpoint tokens;
    private final WebexMeetings meetings;
    private final QualityStore store;
    private final CallLedger ledger;
    private final boolean storeRawIps;
    private final Clock clock;
    private final String source;

    public MeetingQualityCollector(TokenSecrets secrets, TokenEndpoint tokens, WebexMeetings meetings,
                                   QualityStore store, CallLedger ledger, boolean storeRawIps, Clock clock, String source) {
        this.secrets = secrets;
        this.tokens = tokens;
        this.meetings = meetings;
        this.store = store;
        this.ledger = ledger;
        this.storeRawIps = storeRawIps;
        this.clock = clock;
        this.source = source;
    }

    /** Where the data comes from, for log lines: the API base URLs (no credentials in them). */
    public String source() {
        return source;
    }

    /**
     * The weekly keep-alive: rotates the token pair with the same safe write-back as a full run
     * and reads no meeting. Webex refresh tokens stay valid "when regularly used".
     */
    public KeepAlive keepAlive(Deadline deadline, JsonLog log) {
        IntegrationSettings integration = secrets.integration();
        String refreshToken = secrets.currentRefreshToken();
        TokenPair fresh = rotate(integration, refreshToken, deadline, log);
        return new KeepAlive(fresh.refreshToken().map(r -> !r.equals(refreshToken)).orElse(false));
    }

    public Result collect(Deadline deadline, JsonLog log) {
        IntegrationSettings integration = secrets.integration();
        String refreshToken = secrets.currentRefreshToken();
        TokenPair fresh = rotate(integration, refreshToken, deadline, log);

        List<String> inProgress;
        try {
            inProgress = meetings.inProgressMeetingIds(integration.hostEmail(), fresh.accessToken(), deadline);
        } catch (WebexdevException e) {
            throw new MeetingQualityException("the host's meetings in progress could not be listed: " + e.getMessage()
                    + "; the new tokens were saved, nothing was stored" + accessHint(e, MEETINGS_ACCESS), e);
        }
        if (inProgress.isEmpty()) {
            log.info("no meeting in progress for the host (secret key hostEmail); nothing stored");
            return Result.nothing("no meeting in progress");
        }

        int records = 0;
        int guests = 0;
        int skippedRecords = 0;
        int superseded = 0;
        List<String> whole = new ArrayList<>();
        List<Partial> partial = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (String meetingId : inProgress) {
            Instant now = clock.instant();
            CallLedger.Turn turn;
            try {
                turn = ledger.take(meetingId, now);
            } catch (WebexdevException e) {
                failures.add(meetingId + " (" + e.getMessage() + "; Webex was not asked)");
                log.warn("meeting qualities not asked: the call ledger failed", "meetingId", meetingId, "error", e.getMessage());
                continue;
            }
            if (turn instanceof CallLedger.Refused refused) {
                Skipped skip = new Skipped(meetingId, refused.lastCall(), refused.nextAllowed(), now);
                skipped.add(skip);
                log.info("meeting qualities not asked: Webex allows one call per meeting every 5 minutes",
                        "meetingId", meetingId, "reason", skip.reason());
                continue;
            }
            Optional<URI> continueAt = ((CallLedger.Granted) turn).continueAt();
            QualityPage page;
            try {
                page = meetings.qualitiesPage(meetingId, continueAt, fresh.accessToken(), deadline);
            } catch (WebexdevException e) {
                String why = describeFailure(e, now);
                failures.add(meetingId + " (" + why + ")");
                log.warn("meeting qualities could not be read", "meetingId", meetingId,
                        "continued", continueAt.isPresent(), "error", why);
                continue;
            }
            QualityRecords.Mapped mapped = QualityRecords.map(meetingId, page.items(), storeRawIps);
            store.saveAll(mapped.records(), now);
            records += mapped.records().size();
            guests += (int) mapped.guests();
            skippedRecords += mapped.skipped();
            superseded += mapped.superseded();
            try {
                ledger.pageRead(meetingId, page.next());
            } catch (WebexdevException e) {
                failures.add(meetingId + " (its records were stored, but " + e.getMessage() + ")");
                continue;
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("meetingId", meetingId);
            fields.put("continued", continueAt.isPresent());
            fields.put("recordsStored", mapped.records().size());
            fields.put("guestRecords", mapped.guests());
            if (page.next().isPresent()) {
                Partial part = new Partial(meetingId, now.plus(CallLedger.INTERVAL));
                partial.add(part);
                fields.put("nextPageAfter", part.nextAfter().toString());
                log.info("meeting qualities stored in part; the next page waits for Webex's 5 minutes", pairs(fields));
            } else if (page.refusedNext().isPresent()) {
                failures.add(meetingId + " (" + page.refusedNext().get() + ")");
                fields.put("error", page.refusedNext().get());
                log.warn("meeting qualities could not be read in full", pairs(fields));
            } else {
                whole.add(meetingId);
                log.info("meeting qualities stored", pairs(fields));
            }
        }
        String summary = "Stored " + records + " records (" + inProgress.size() + " meetings found, "
                + failures.size() + " failed); " + names(whole, partial, skipped);
        if (!failures.isEmpty()) {
            throw new MeetingQualityException("qualities of " + failures.size() + " of " + inProgress.size()
                    + " meetings in progress could not be read: " + String.join("; ", failures) + ". " + summary + ".");
        }
        String outcome = whole.isEmpty() && partial.isEmpty()
                ? "nothing asked: every meeting was asked less than 5 minutes ago" : "stored";
        return new Result(inProgress.size(), records, guests, 0, skippedRecords, superseded, outcome, whole, partial, skipped);
    }

    private static String names(List<String> whole, List<Partial> partial, List<Skipped> skipped) {
        return "stored: " + (whole.isEmpty() ? "none" : String.join(", ", whole))
                + "; partial: " + (partial.isEmpty() ? "none" : String.join(", ", partial.stream().map(Partial::describe).toList()))
                + "; skipped: " + (skipped.isEmpty() ? "none" : String.join(", ", skipped.stream().map(Skipped::describe).toList()));
    }

    /** A failed call: a 429 with Webex's wait and the next allowed time, a refused access with what to check. */
    private static String describeFailure(WebexdevException e, Instant now) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpStatusException status && status.status() == 429) {
                String wait = status.retryAfter().map(d -> "Webex asked to wait " + d.toSeconds() + " s").orElse("Webex named no wait");
                return e.getMessage() + "; rate-limited: " + wait + "; next after " + UTC_TIME.format(now.plus(CallLedger.INTERVAL));
            }
            if (t instanceof HttpStatusException status && status.status() == 451) {
                return e.getMessage() + " (" + REGION_HINT + ")";
            }
        }
        return e.getMessage() + accessHint(e, QUALITIES_ACCESS);
    }

    /** Refreshes and saves the pair, and logs it (never the tokens). */
    private TokenPair rotate(IntegrationSettings integration, String refreshToken, Deadline deadline, JsonLog log) {
        TokenPair fresh = refresh(integration, refreshToken, deadline);
        save(fresh);
        Map<String, Object> refreshed = new LinkedHashMap<>();
        refreshed.put("secret", secrets.tokenSecretName());
        refreshed.put("refreshTokenReturned", fresh.refreshToken().isPresent());
        refreshed.put("refreshTokenChanged", fresh.refreshToken().map(r -> !r.equals(refreshToken)).orElse(false));
        fresh.accessExpiresIn().ifPresent(d -> refreshed.put("accessTokenExpiresInSeconds", d.toSeconds()));
        fresh.refreshExpiresIn().ifPresent(d -> refreshed.put("refreshTokenExpiresInSeconds", d.toSeconds()));
        log.info("webex token refreshed and saved", refreshed);
        return fresh;
    }

    private TokenPair refresh(IntegrationSettings integration, String refreshToken, Deadline deadline) {
        String secret = secrets.tokenSecretName();
        try {
            return tokens.refresh(integration, refreshToken, deadline);
        } catch (TokenRefreshException e) {
            String advice = switch (e.reason()) {
                case REFUSED -> "Webex refused the stored refresh token or the integration's client id/secret. "
                        + "Re-authorise the integration (OAuth authorization-code grant) and put the new ACCESS_TOKEN and "
                        + "REFRESH_TOKEN into secret " + secret + "; check CLIENT_ID and CLIENT_SECRET if the error is invalid_client.";
                case UNAVAILABLE -> "Webex's token endpoint did not answer usefully; try again later.";
                case UNREADABLE -> "Webex's answer held no usable token; try again later, and re-authorise the integration "
                        + "if it keeps failing.";
            };
            throw new MeetingQualityException("token refresh failed (" + e.getMessage() + "). Secret " + secret
                    + " was left as it was; nothing else was called and nothing was stored. " + advice, e);
        }
    }

    private void save(TokenPair fresh) {
        try {
            secrets.save(fresh);
        } catch (RuntimeException e) {
            // Only the failure's kind and its own message: neither carries the tokens being written.
            throw new MeetingQualityException("Webex issued new tokens but they could not be written to secret "
                    + secrets.tokenSecretName() + " (" + describe(e) + "); nothing else was called and nothing was stored. "
                    + "If the next run is refused, re-authorise the integration.", e);
        }
    }

    static final String MEETINGS_ACCESS = "listing another host's meetings needs an admin token with the "
            + "meeting:admin_schedule_read scope (meeting:schedules_read for the token's own meetings)";
    static final String REGION_HINT = "Webex serves this organisation's analytics from another regional host, and its "
            + "answer named none of " + AnalyticsHosts.DOCUMENTED.stream().map(AnalyticsHosts::display).toList()
            + "; set WEBEX_ANALYTICS_BASE_URL to the organisation's host";
    static final String QUALITIES_ACCESS = "Meeting Qualities needs a token of an organisation administrator with the "
            + "analytics:read_all scope, and the organisation needs the Webex Pro Pack";

    /** What to check when Webex refused the token's access (401/403). */
    private static String accessHint(WebexdevException e, String access) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpStatusException status && (status.status() == 401 || status.status() == 403)) {
                return " (" + access + ")";
            }
        }
        return "";
    }

    private static String describe(RuntimeException e) {
        return e instanceof WebexdevException ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static Object[] pairs(Map<String, Object> fields) {
        Object[] pairs = new Object[fields.size() * 2];
        int i = 0;
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            pairs[i++] = field.getKey();
            pairs[i++] = field.getValue();
        }
        return pairs;
    }
}
