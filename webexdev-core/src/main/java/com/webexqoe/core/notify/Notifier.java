package com.webexqoe.core.notify;

import com.webexqoe.common.WebexdevException;
import com.webexqoe.common.log.JsonLog;
import com.webexqoe.common.secrets.SecretStore;
import com.webexqoe.common.time.Deadline;
import com.webexqoe.core.score.Assessment;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells a Webex space when the verdict turns (docs/behaviour.md#core-notify). Called by each core
 * run after the page is written. Never fails the run: whatever goes wrong (the state table, the
 * secret, the Messages API) is logged and reported in the run's answer, and the next run tries again.
 */
public final class Notifier {

    /** The secret key of the bot's access token. */
    public static final String BOT_TOKEN_KEY = "WEBEX_BOT_TOKEN";
    /** A claim older than this was left by a run that died (core's timeout is 30 s). */
    static final Duration CLAIM_LIFETIME = Duration.ofMinutes(2);
    public static final Duration DEFAULT_QUIET = Duration.ofMinutes(10);

    /**
     * @param roomId    WEBEX_NOTIFY_ROOM_ID; empty = notifications off
     * @param quiet     NOTIFY_QUIET_MINUTES
     * @param dashboard DASHBOARD_URL, linked from each message
     */
    public record Settings(Optional<String> roomId, Duration quiet, Optional<URI> dashboard, ZoneId zone, String secretName) {
    }

    /** The settings from the environment; a bad value is named in the log and its default used (a notification never stops the page). */
    public static Settings settings(com.webexqoe.common.config.Env env, ZoneId zone, String secretName, JsonLog log) {
        Duration quiet = DEFAULT_QUIET;
        Optional<String> minutes = env.optional(com.webexqoe.common.config.EnvVars.NOTIFY_QUIET_MINUTES);
        if (minutes.isPresent()) {
            try {
                long value = Long.parseLong(minutes.get().trim());
                if (value < 0) {
                    throw new NumberFormatException("negative");
                }
                quiet = Duration.ofMinutes(value);
            } catch (NumberFormatException e) {
                log.warn("NOTIFY_QUIET_MINUTES must be a whole number of minutes, 0 or more; using the default 10",
                        "value", minutes.get());
            }
        }
        Optional<URI> dashboard = Optional.empty();
        if (env.optional(com.webexqoe.common.config.EnvVars.DASHBOARD_URL).isPresent()) {
            try {
                dashboard = Optional.of(env.url(com.webexqoe.common.config.EnvVars.DASHBOARD_URL, ""));
            } catch (WebexdevException e) {
                log.warn("DASHBOARD_URL is ignored: " + e.getMessage());
            }
        }
        return new Settings(env.optional(com.webexqoe.common.config.EnvVars.WEBEX_NOTIFY_ROOM_ID).filter(r -> !r.isBlank()),
                quiet, dashboard, zone, secretName);
    }

    private final Settings settings;
    private final Optional<NotifyStateStore> store;
    private final WebexMessages messages;
    private final SecretStore secrets;
    private final JsonLog log;
    private final AtomicBoolean warnedNoRoom = new AtomicBoolean();

    /** @param store empty when DYNAMODB_TABLENAME_HEALTH is unset: then nothing is posted */
    public Notifier(Settings settings, Optional<NotifyStateStore> store, WebexMessages messages, SecretStore secrets, JsonLog log) {
        this.settings = settings;
        this.store = store;
        this.messages = messages;
        this.secrets = secrets;
        this.log = log;
    }

    /** What this run did, for the run's answer and log: {@code off}, {@code unchanged}, {@code posted turn}, … */
    public String notify(Assessment assessment, Deadline deadline) {
        if (settings.roomId().isEmpty()) {
            warnOnceIfATokenWaits();
            return "off";
        }
        if (store.isEmpty()) {
            return "off (DYNAMODB_TABLENAME_HEALTH is unset: the last notified state has no home)";
        }
        try {
            return decideAndPost(assessment, store.get(), deadline);
        } catch (WebexdevException | IllegalStateException e) {
            log.error("notification not sent", "error", e.getMessage());
            return "failed: " + e.getMessage();
        }
    }

    private String decideAndPost(Assessment assessment, NotifyStateStore states, Deadline deadline) {
        Instant now = assessment.at();
        NotifyState state = NotifyState.of(assessment);
        NotifyRecord last = states.read();
        TurnRule.Decision decision = TurnRule.decide(last, state, now, settings.quiet());
        if (decision.kind() == TurnRule.Kind.HOLD) {
            return "held until " + decision.heldUntil().orElseThrow() + " (quiet period; " + state.key() + ")";
        }
        if (!decision.posts()) {
            return "unchanged (" + state.key() + ")";
        }
        Optional<String> token = secrets.get(settings.secretName()).optional(BOT_TOKEN_KEY).filter(t -> !t.isBlank());
        if (token.isEmpty()) {
            throw new WebexdevException("WEBEX_NOTIFY_ROOM_ID is set but the secret " + settings.secretName() + " has no "
                    + BOT_TOKEN_KEY + ": add the bot's token to it (docs/deploy.md)");
        }
        Optional<String> claim = states.claim(last, now, now.minus(CLAIM_LIFETIME));
        if (claim.isEmpty()) {
            return "not posted: another core run is posting or has posted this turn";
        }
        String markdown = decision.kind() == TurnRule.Kind.RECOVERY
                ? NotifyMessage.recovery(assessment, decision.problemSince(), settings.zone(), settings.dashboard())
                : NotifyMessage.turn(assessment, state, settings.dashboard());
        try {
            messages.post(settings.roomId().get(), markdown, token.get(), deadline);
        } catch (RuntimeException failed) {
            states.release(claim.get());
            throw failed;
        }
        Optional<Instant> since = decision.kind() == TurnRule.Kind.RECOVERY ? Optional.empty() : decision.problemSince();
        states.record(claim.get(), state, since, now);
        String what = decision.kind() == TurnRule.Kind.RECOVERY ? "posted recovery" : "posted turn";
        log.info("notification " + what, "state", state.key(), "score", assessment.score().healthText());
        return what + " (" + state.key() + ")";
    }

    private void warnOnceIfATokenWaits() {
        try {
            boolean token = secrets.get(settings.secretName()).optional(BOT_TOKEN_KEY).filter(t -> !t.isBlank()).isPresent();
            if (token && warnedNoRoom.compareAndSet(false, true)) {
                log.warn("the secret holds " + BOT_TOKEN_KEY + " but WEBEX_NOTIFY_ROOM_ID is unset: notifications are off");
            }
        } catch (WebexdevException unreadable) {
            // The page's own secret read reports an unreadable secret; nothing to add here.
        }
    }
}
