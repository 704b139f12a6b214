package com.webexqoe.twitter;

import com.webexqoe.common.WebexdevException;
import com.webexqoe.common.config.Env;
import com.webexqoe.common.config.EnvVars;

/**
 * What a search may ask and spend (docs/webexdev-twitterapi.md#configuration): the X API v2 query
 * ({@code X_QUERY}, default {@code Webex -is:retweet}, so retweets cost no reads), the posts asked
 * for per search ({@code X_MAX_RESULTS}, 10–100 as X API v2 recent search's {@code max_results}
 * allows) and the posts that may be read per UTC day ({@code X_DAILY_READ_BUDGET}, default 200).
 */
public record XSearchSettings(String query, int maxResults, int dailyBudget) {

    /** X API v2 recent search: {@code max_results} 10 to 100 (X API reference). */
    static final int MIN_RESULTS = 10;
    static final int MAX_RESULTS = 100;

    public static final XSearchSettings DEFAULTS = new XSearchSettings(EnvVars.X_QUERY_DEFAULT,
            EnvVars.X_MAX_RESULTS_DEFAULT, EnvVars.X_DAILY_READ_BUDGET_DEFAULT);

    public XSearchSettings {
        if (query == null || query.isBlank()) {
            throw new WebexdevException(EnvVars.X_QUERY + " must not be empty");
        }
        if (maxResults < MIN_RESULTS || maxResults > MAX_RESULTS) {
            throw new WebexdevException(EnvVars.X_MAX_RESULTS + " must be " + MIN_RESULTS + " to " + MAX_RESULTS
                    + " (X API v2 recent search's max_results), got " + maxResults);
        }
        if (dailyBudget < maxResults) {
            throw new WebexdevException(EnvVars.X_DAILY_READ_BUDGET + " (" + dailyBudget + ") is less than "
                    + EnvVars.X_MAX_RESULTS + " (" + maxResults + "): no search would ever fit the budget");
        }
    }

    public static XSearchSettings fromEnv(Env env) {
        return new XSearchSettings(env.orDefault(EnvVars.X_QUERY, EnvVars.X_QUERY_DEFAULT),
                env.intOrDefault(EnvVars.X_MAX_RESULTS, EnvVars.X_MAX_RESULTS_DEFAULT),
                env.intOrDefault(EnvVars.X_DAILY_READ_BUDGET, EnvVars.X_DAILY_READ_BUDGET_DEFAULT));
    }
}
