package com.webexqoe.twitter;

import com.webexqoe.common.http.HttpFetcher;
import com.webexqoe.common.http.HttpSettings;
import com.webexqoe.common.time.Deadline;
import twitter4j.Query;
import twitter4j.QueryResult;
import twitter4j.Status;
import twitter4j.Twitter;
import twitter4j.TwitterException;
import twitter4j.TwitterFactory;
import twitter4j.conf.Configuration;
import twitter4j.conf.ConfigurationBuilder;

import java.net.ConnectException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * X API v1.1 {@code search/tweets.json} through Twitter4J with the OAuth 1.0a keys: the original's
 * route, chosen only when the secret holds no {@code TWITTER_BEARER_TOKEN}. X retired v1.1 search on
 * 2023-09-20 and answers it with error 453 since; that answer is named as such. The query stays the
 * original's {@code Webex} ({@code X_QUERY} is v2 syntax); {@code since_id} is passed as on v2. The
 * only class that touches Twitter4J, so the v2 route never loads it (cold start).
 *
 * <ul>
 *   <li>Extended mode ({@code tweet_mode=extended}): {@link Status#getText()} is then the post's
 *       {@code full_text}, not the 140-character text of compatibility mode.</li>
 *   <li>Twitter4J's REST base URL is {@code TWITTER_API_BASE_URL + /1.1/}, so a stand-in can answer.</li>
 *   <li>Twitter4J's own HTTP stack waits 20 s to connect and 120 s to read and retries nothing by
 *       default: here its timeouts are the function's HTTP settings capped by the invocation's
 *       deadline, and 429/5xx/failed connects are retried here, within the deadline, honouring
 *       {@code Retry-After} and {@code x-rate-limit-reset}, like {@link HttpFetcher}.</li>
 *   <li>Errors are reported like {@link HttpFetcher}'s: source and status, never the body, the
 *       query or a key. Twitter4J's exception (whose message carries the body) is not attached.</li>
 * </ul>
 */
public final class Twitter4jSearch implements PostSearch {

    static final String SOURCE = "X API v1.1 search (Twitter4J)";
    static final String QUERY = "Webex";
    static final int COUNT = 10;
    /** X's error code for an endpoint outside the app's access level: what v1.1 search answers since it was retired. */
    static final int RETIRED = 453;
    static final String RETIRED_MESSAGE = "X retired v1.1 search on 2023-09-20; set TWITTER_BEARER_TOKEN for v2";
    /** Twitter4J caches one HTTP client per distinct configuration: rounding keeps that set small. */
    private static final long TIMEOUT_STEP_MS = 100;
    private static final Duration MIN_ATTEMPT = Duration.ofSeconds(1);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(4);

    private final String restBaseUrl;
    private final OAuthKeys keys;
    private final String secretName;
    private final HttpSettings settings;
    private final HttpFetcher.Sleeper sleeper;
    private final Clock clock;

    public Twitter4jSearch(URI baseUrl, OAuthKeys keys, String secretName, HttpSettings settings,
                           HttpFetcher.Sleeper sleeper, Clock clock) {
        String base = baseUrl.toString();
        this.restBaseUrl = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/1.1/";
        this.keys = keys;
        this.secretName = secretName;
        this.settings = settings;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public Found recent(Request request, Deadline deadline) {
        for (int attempt = 1; ; attempt++) {
            if (deadline.remaining().compareTo(MIN_ATTEMPT) < 0) {
                throw new TwitterSearchException(SOURCE + ": no time left before the invocation's deadline"
                        + (attempt > 1 ? " after " + (attempt - 1) + " attempts" : ""));
            }
            boolean last = attempt >= settings.maxAttempts();
            try {
                Query query = new Query(QUERY).resultType(Query.ResultType.recent).count(COUNT);
                request.sinceId().ifPresent(id -> query.setSinceId(Long.parseLong(id)));
                QueryResult result = client(deadline).search(query);
                List<Post> posts = new ArrayList<>();
                for (Status status : result.getTweets()) {
                    toPost(status).ifPresent(posts::add);
                }
                return new Found(List.copyOf(posts), result.getTweets().size());
            } catch (TwitterException e) {
                int status = e.getStatusCode();
                if (e.getErrorCode() == RETIRED) {
                    // X's answer to v1.1 search since its retirement (HTTP 403, errors[0].code 453).
                    throw TwitterSearchException.refused(RETIRED_MESSAGE + " (" + SOURCE + ": HTTP " + status + ", code 453)",
                            RETIRED_MESSAGE, null);
                }
                if (status == 401 || status == 403) {
                    throw new TwitterSearchException(SOURCE + " refused the OAuth 1.0a credentials "
                            + OAuthKeys.API_KEY + "/" + OAuthKeys.API_SECRET + " and " + OAuthKeys.TWITTER_TOKEN + "/"
                            + OAuthKeys.TWITTER_TOKEN_SECRET + " of secret " + secretName + " (HTTP " + status
                            + (status == 403 ? ": not allowed, or the app's access does not include v1.1 search" : "") + ")");
                }
                boolean connectFailed = status <= 0 && e.getCause() instanceof ConnectException;
                boolean retryable = status == 429 || status >= 500 || connectFailed;
                String what = status > 0 ? "HTTP " + status
                        : e.getCause() instanceof java.io.IOException ? "request failed (" + e.getCause().getClass().getSimpleName() + ")"
                        : "unreadable answer" + (e.getCause() != null ? " (" + e.getCause().getClass().getSimpleName() + ")" : "");
                if (!retryable || last) {
                    throw new TwitterSearchException(SOURCE + ": " + what
                            + (retryable && attempt > 1 ? " after " + attempt + " attempts" : ""));
                }
                Duration wait = serverWait(e).orElse(backoff(attempt));
                if (!deadline.fits(wait.plus(MIN_ATTEMPT))) {
                    throw new TwitterSearchException(SOURCE + ": " + what + ", and retrying after " + wait.toMillis()
                            + " ms would pass the invocation's deadline");
                }
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new TwitterSearchException(SOURCE + ": interrupted while waiting to retry");
                }
            }
        }
    }

    /** A post from Twitter4J's status; one without an id or a time is left out. */
    static Optional<Post> toPost(Status status) {
        if (status.getId() <= 0 || status.getCreatedAt() == null) {
            return Optional.empty();
        }
        return Optional.of(new Post(Long.toString(status.getId()), status.getText() == null ? "" : status.getText(),
                status.getCreatedAt().toInstant(), Optional.ofNullable(status.getLang()).filter(l -> !l.isEmpty())));
    }

    private Twitter client(Deadline deadline) {
        return new TwitterFactory(configuration(deadline)).getInstance();
    }

    Configuration configuration(Deadline deadline) {
        long remaining = deadline.remaining().toMillis();
        long connect = step(Math.min(settings.connectTimeout().toMillis(), remaining / 2));
        long read = step(Math.min(settings.readTimeout().toMillis(), remaining - connect));
        return new ConfigurationBuilder()
                .setDebugEnabled(false)
                .setOAuthConsumerKey(keys.apiKey())
                .setOAuthConsumerSecret(keys.apiSecret())
                .setOAuthAccessToken(keys.token())
                .setOAuthAccessTokenSecret(keys.tokenSecret())
                .setRestBaseURL(restBaseUrl)
                .setTweetModeExtended(true)
                .setHttpConnectionTimeout((int) connect)
                .setHttpReadTimeout((int) read)
                .setHttpRetryCount(0)
                .setJSONStoreEnabled(false)
                .build();
    }

    /** Down to a multiple of the step, never 0 (which Twitter4J's HttpURLConnection reads as "no timeout"). */
    private static long step(long millis) {
        return Math.max(TIMEOUT_STEP_MS, millis / TIMEOUT_STEP_MS * TIMEOUT_STEP_MS);
    }

    private Optional<Duration> serverWait(TwitterException e) {
        Optional<String> retryAfter = header(e, "Retry-After").or(() -> header(e, "retry-after"));
        try {
            if (retryAfter.isPresent()) {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(retryAfter.get().trim()))));
            }
            Optional<String> reset = header(e, "x-rate-limit-reset").or(() -> header(e, "X-Rate-Limit-Reset"));
            if (reset.isPresent()) {
                Duration wait = Duration.between(clock.instant(), Instant.ofEpochSecond(Long.parseLong(reset.get().trim())));
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            }
        } catch (NumberFormatException unreadable) {
            // back off instead
        }
        return Optional.empty();
    }

    /** Twitter4J's header lookup throws when the header is absent. */
    private static Optional<String> header(TwitterException e, String name) {
        try {
            return Optional.ofNullable(e.getResponseHeader(name));
        } catch (RuntimeException absent) {
            return Optional.empty();
        }
    }

    private static Duration backoff(int attempt) {
        Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt - 1, 10));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }
}
