package com.webexqoe.common.config;

/**
 * Every environment variable the functions read, in one place. The names are the original
 * system's (docs/behaviour.md#configuration); the URL overrides and HTTP tuning knobs are new.
 */
public final class EnvVars {

    // Tables, bucket and secrets (names kept from the original).
    public static final String DYNAMODB_TABLENAME = "DYNAMODB_TABLENAME";
    public static final String DYNAMODB_TABLENAME_PO = "DYNAMODB_TABLENAME_PO";
    public static final String DYNAMODB_TABLENAME_STATUS = "DYNAMODB_TABLENAME_STATUS";
    public static final String DYNAMODB_TABLENAME_TE = "DYNAMODB_TABLENAME_TE";
    public static final String DYNAMODB_TABLENAME_TEPOLLING = "DYNAMODB_TABLENAME_TEPOLLING";
    public static final String DYNAMODB_TABLENAME_TWITTER = "DYNAMODB_TABLENAME_TWITTER";
    public static final String DYNAMODB_TABLENAME_MTGQA = "DYNAMODB_TABLENAME_MTGQA";
    /** The health table (run records, notify state); new, not in the template yet. */
    public static final String DYNAMODB_TABLENAME_HEALTH = "DYNAMODB_TABLENAME_HEALTH";
    public static final String S3_BUCKET_NAME = "S3_BUCKET_NAME";
    public static final String SECRETMANAGER_NAME = "SECRETMANAGER_NAME";
    public static final String SECRETMANAGER_TOKEN_NAME = "SECRETMANAGER_TOKEN_NAME";

    // ThousandEyes: already full URLs in the original.
    public static final String API_URL_MMP = "API_URL_MMP";
    public static final String API_URL_WZ = "API_URL_WZ";
    public static final String API_URL_CD = "API_URL_CD";
    public static final String API_URL_HTTP = "API_URL_HTTP";
    public static final String API_URL_MMP_NET = "API_URL_MMP_NET";
    public static final String API_URL_HTTP_WEB = "API_URL_HTTP_WEB";
    /** ThousandEyes API v7 {@code GET /alerts} (the active alerts; the poll adds {@code state=clear} for the cleared ones). */
    public static final String API_URL_ALERTS = "API_URL_ALERTS";
    public static final String API_URL_ALERTS_DEFAULT = "https://api.thousandeyes.com/v7/alerts";
    public static final String CLOUDWATCH_URL = "CLOUDWATCH_URL";
    /** One line of text across the top of the dashboard (unset in AWS; the local demo sets it). */
    public static final String DASHBOARD_BANNER = "DASHBOARD_BANNER";

    // core's notifications into a Webex space (docs/behaviour.md#core-notify); unset room = off.
    public static final String WEBEX_NOTIFY_ROOM_ID = "WEBEX_NOTIFY_ROOM_ID";
    public static final String NOTIFY_QUIET_MINUTES = "NOTIFY_QUIET_MINUTES";
    /** The dashboard's address, linked from each notification (optional). */
    public static final String DASHBOARD_URL = "DASHBOARD_URL";

    /** Local time zone of stored times; Lambda's own default is ":UTC". */
    public static final String TZ = "TZ";

    // External base URLs, overridable so that the same jar runs against local stand-ins.
    public static final String STATUS_RSS_URL = "STATUS_RSS_URL";
    public static final String STATUS_RSS_URL_DEFAULT = "https://status.webex.com/history.rss";
    /** Base of Cisco's status JSON API; the status function reads {@code <base>/index.json} (https://status.webex.com/api). */
    public static final String STATUS_API_BASE_URL = "STATUS_API_BASE_URL";
    public static final String STATUS_API_BASE_URL_DEFAULT = "https://status.webex.com";
    public static final String WEBEX_API_BASE_URL = "WEBEX_API_BASE_URL";
    public static final String WEBEX_API_BASE_URL_DEFAULT = "https://webexapis.com/v1";
    public static final String WEBEX_ANALYTICS_BASE_URL = "WEBEX_ANALYTICS_BASE_URL";
    public static final String WEBEX_ANALYTICS_BASE_URL_DEFAULT = "https://analytics.webexapis.com/v1";
    public static final String TWITTER_API_BASE_URL = "TWITTER_API_BASE_URL";
    public static final String TWITTER_API_BASE_URL_DEFAULT = "https://api.twitter.com";
    /** X API v2 recent-search query of twitterapi (docs/webexdev-twitterapi.md#configuration). */
    public static final String X_QUERY = "X_QUERY";
    public static final String X_QUERY_DEFAULT = "Webex -is:retweet";
    /** Posts asked for per X API v2 search, 10–100. */
    public static final String X_MAX_RESULTS = "X_MAX_RESULTS";
    public static final int X_MAX_RESULTS_DEFAULT = 10;
    /** Posts twitterapi may read per UTC day (X bills each post read). */
    public static final String X_DAILY_READ_BUDGET = "X_DAILY_READ_BUDGET";
    public static final int X_DAILY_READ_BUDGET_DEFAULT = 200;
    /** The region of twitterapi's Comprehend client (Comprehend exists in fewer regions than SnapStart); default: AWS_REGION. */
    public static final String COMPREHEND_REGION = "COMPREHEND_REGION";

    /**
     * mtgquality: {@code true} keeps the participants' raw {@code localIP} / {@code publicIP} in the
     * stored records; unset or {@code false} stores only Webex's masked addresses.
     */
    public static final String STORE_RAW_IPS = "STORE_RAW_IPS";

    // Outbound HTTP tuning (new; defaults sit well inside a 15 s function timeout).
    public static final String HTTP_CONNECT_TIMEOUT_MS = "HTTP_CONNECT_TIMEOUT_MS";
    public static final String HTTP_READ_TIMEOUT_MS = "HTTP_READ_TIMEOUT_MS";
    public static final String HTTP_MAX_ATTEMPTS = "HTTP_MAX_ATTEMPTS";

    // AWS: region and credentials as Lambda sets them; endpoint overrides as the SDK reads them.
    public static final String AWS_REGION = "AWS_REGION";
    public static final String AWS_DEFAULT_REGION = "AWS_DEFAULT_REGION";
    public static final String AWS_ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
    public static final String AWS_SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";
    public static final String AWS_SESSION_TOKEN = "AWS_SESSION_TOKEN";
    public static final String AWS_ENDPOINT_URL = "AWS_ENDPOINT_URL";
    public static final String AWS_LAMBDA_FUNCTION_NAME = "AWS_LAMBDA_FUNCTION_NAME";
    /** Set by Lambda: {@code on-demand}, {@code provisioned-concurrency} or {@code snap-start}. */
    public static final String AWS_LAMBDA_INITIALIZATION_TYPE = "AWS_LAMBDA_INITIALIZATION_TYPE";

    private EnvVars() {
    }
}
