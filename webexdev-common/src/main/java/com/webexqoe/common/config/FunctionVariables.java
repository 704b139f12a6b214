package com.webexqoe.common.config;

import java.util.Set;

import static com.webexqoe.common.config.EnvVars.*;

/**
 * Which function reads which variable: the one list the SAM template's test checks the template
 * against (every required variable set, nothing set that the function does not read). Lambda's
 * own variables ({@code AWS_REGION}, credentials, {@code AWS_ENDPOINT_URL*}) are not listed: the
 * template may not set them.
 */
public enum FunctionVariables {

    STATUS("webexdev-status",
            Set.of(DYNAMODB_TABLENAME),
            Set.of(STATUS_RSS_URL, STATUS_API_BASE_URL, TZ, HTTP_CONNECT_TIMEOUT_MS, HTTP_READ_TIMEOUT_MS, HTTP_MAX_ATTEMPTS)),
    TE("webexdev-te",
            Set.of(DYNAMODB_TABLENAME, DYNAMODB_TABLENAME_PO, S3_BUCKET_NAME, SECRETMANAGER_NAME,
                    API_URL_MMP, API_URL_WZ, API_URL_CD, API_URL_MMP_NET, API_URL_HTTP_WEB),
            Set.of(API_URL_ALERTS, TZ, HTTP_CONNECT_TIMEOUT_MS, HTTP_READ_TIMEOUT_MS, HTTP_MAX_ATTEMPTS)),
    TWITTERAPI("webexdev-twitterapi",
            Set.of(DYNAMODB_TABLENAME, SECRETMANAGER_NAME),
            Set.of(TWITTER_API_BASE_URL, COMPREHEND_REGION, X_QUERY, X_MAX_RESULTS, X_DAILY_READ_BUDGET, TZ, HTTP_CONNECT_TIMEOUT_MS, HTTP_READ_TIMEOUT_MS, HTTP_MAX_ATTEMPTS)),
    MTGQUALITY("webexdev-mtgquality",
            Set.of(DYNAMODB_TABLENAME, SECRETMANAGER_NAME, SECRETMANAGER_TOKEN_NAME),
            // No TZ: the meeting times are stored as Webex sends them (UTC, ISO-8601).
            Set.of(WEBEX_API_BASE_URL, WEBEX_ANALYTICS_BASE_URL, STORE_RAW_IPS, HTTP_CONNECT_TIMEOUT_MS,
                    HTTP_READ_TIMEOUT_MS, HTTP_MAX_ATTEMPTS)),
    CORE("webexdev-core",
            Set.of(S3_BUCKET_NAME, SECRETMANAGER_NAME, DYNAMODB_TABLENAME_STATUS, DYNAMODB_TABLENAME_TE,
                    DYNAMODB_TABLENAME_TEPOLLING, DYNAMODB_TABLENAME_TWITTER, DYNAMODB_TABLENAME_MTGQA),
            Set.of(CLOUDWATCH_URL, DASHBOARD_BANNER, TZ, DYNAMODB_TABLENAME_HEALTH, WEBEX_NOTIFY_ROOM_ID,
                    NOTIFY_QUIET_MINUTES, DASHBOARD_URL, WEBEX_API_BASE_URL, HTTP_CONNECT_TIMEOUT_MS,
                    HTTP_READ_TIMEOUT_MS, HTTP_MAX_ATTEMPTS));

    private final String functionName;
    private final Set<String> required;
    private final Set<String> optional;

    FunctionVariables(String functionName, Set<String> required, Set<String> optional) {
        this.functionName = functionName;
        this.required = required;
        this.optional = optional;
    }

    public String functionName() {
        return functionName;
    }

    public Set<String> required() {
        return required;
    }

    public Set<String> optional() {
        return optional;
    }
}
