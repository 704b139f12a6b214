package com.webexqoe.mtgquality;

import com.webexqoe.common.WebexdevException;
import com.webexqoe.common.http.HttpStatusException;
import com.webexqoe.common.lambda.FunctionRun;
import com.webexqoe.common.log.JsonLog;
import com.webexqoe.common.time.Deadline;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of the meeting-quality function (docs/behaviour.md#mtgquality):
 * <ol>
 *   <li>refresh the Webex token and write the new pair to the token secret <b>before</b> any other
 *       call; a refresh that fails leaves the secret exactly as it was and calls nothing else;</li>
 *   <li>with the <b>new</b> access token, list the host's meetings in progress;</li>
 *   <li>for each, read its quality records (all pages) and store one item per participant; a
 *       meeting whose records cannot be read does not stop the others, and the run then fails
 *       after storing theirs.</li>
 * </ol>
 */
public final class MeetingQualityCollector {

    /** What one run did: logged and answered to whoever invoked the function. */
    public record Result(int meetingsFound, int recordsStored, int guestRecords, int meetingsFailed,
                         int recordsSkipped, int recordsSuperseded, String outcome) implements FunctionRun.Result {
        @Override
        public Map<String, Object> fields() {
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
    }

    private final TokenSecrets secrets;
    private final TokenEndpoint tokens;
    private final WebexMeetings meetings;
    private final QualityStore store;
    private final Clock clock;
    private final String source;

    public MeetingQualityCollector(TokenSecrets secrets, TokenEndpoint tokens, WebexMeetings meetings,
                                   QualityStore store, Clock clock, String source) {
        this.secrets = secrets;
        this.tokens = tokens;
        this.meetings = meetings;
        this.store = store;
        this.clock = clock;
        this.source = source;
    }

    /** Where the data comes from, for log lines: the API base URLs (no credentials in them). */
    public String source() {
        return source;
    }

    public Result collect(Deadline deadline, JsonLog log) {
        IntegrationSettings integration = secrets.integration();
        String refreshToken = secrets.currentRefreshToken();

        TokenPair fresh = refresh(integration, refreshToken, deadline);
        save(fresh);
        Map<String, Object> refreshed = new LinkedHashMap<>();
        refreshed.put("secret", secrets.tokenSecretName());
        refreshed.put("refreshTokenReturned", fresh.refreshToken().isPresent());
        refreshed.put("refreshTokenChanged", fresh.refreshToken().map(r -> !r.equals(refreshToken)).orElse(false));
        fresh.accessExpiresIn().ifPresent(d -> refreshed.put("accessTokenExpiresInSeconds", d.toSeconds()));
        fresh.refreshExpiresIn().ifPresent(d -> refreshed.put("refreshTokenExpiresInSeconds", d.toSeconds()));
        log.info("webex token refreshed and saved", refreshed);

        List<String> inProgress;
        try {
            inProgress = meetings.inProgressMeetingIds(integration.hostEmail(), fresh.accessToken(), deadline);
        } catch (WebexdevException e) {
            throw new MeetingQualityException("the host's meetings in progress could not be listed: " + e.getMessage()
                    + "; the new tokens were saved, nothing was stored" + accessHint(e, MEETINGS_ACCESS), e);
        }
        if (inProgress.isEmpty()) {
            log.info("no meeting in progress for the host (secret key hostEmail); nothing stored");
            return new Result(0, 0, 0, 0, 0, 0, "no meeting in progress");
        }

        int stored = 0;
        int guests = 0;
        int skipped = 0;
        int superseded = 0;
        List<String> failures = new ArrayList<>();
        for (String meetingId : inProgress) {
            Pages pages = meetings.qualities(meetingId, fresh.accessToken(), deadline);
            QualityRecords.Mapped mapped = QualityRecords.map(meetingId, pages.items());
            store.saveAll(mapped.records(), clock.instant());
            stored += mapped.records().size();
            guests += (int) mapped.guests();
            skipped += mapped.skipped();
            superseded += mapped.superseded();
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("meetingId", meetingId);
            fields.put("pages", pages.pages());
            fields.put("recordsStored", mapped.records().size());
            fields.put("guestRecords", mapped.guests());
            if (pages.failure().isPresent()) {
                String why = pages.failure().get().getMessage() + accessHint(pages.failure().get(), QUALITIES_ACCESS);
                failures.add(meetingId + " (" + why + ")");
                fields.put("error", why);
                log.warn("meeting qualities could not be read in full", pairs(fields));
            } else {
                log.info("meeting qualities stored", pairs(fields));
            }
        }
        if (!failures.isEmpty()) {
            throw new MeetingQualityException("qualities of " + failures.size() + " of " + inProgress.size()
                    + " meetings in progress could not be read: " + String.join("; ", failures)
                    + ". Stored " + stored + " records (" + inProgress.size() + " meetings found, "
                    + failures.size() + " failed).");
        }
        return new Result(inProgress.size(), stored, guests, 0, skipped, superseded, "stored");
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
