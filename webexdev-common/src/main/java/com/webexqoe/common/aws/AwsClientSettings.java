package com.webexqoe.common.aws;

import com.webexqoe.common.WebexdevException;
import com.webexqoe.common.config.Env;
import com.webexqoe.common.config.EnvVars;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * What every AWS client of a function shares, built once per container: region, credentials,
 * the one HTTP client implementation, and the endpoint overrides.
 *
 * <p>Cold start: everything is explicit (region, credentials, HTTP client) so the SDK does not
 * walk its provider chains or scan the classpath for HTTP implementations.
 */
public final class AwsClientSettings {

    /** The SDK's service identifiers for the standard {@code AWS_ENDPOINT_URL_<SERVICE>} variables. */
    public enum Service {
        DYNAMODB("DYNAMODB"),
        S3("S3"),
        SECRETS_MANAGER("SECRETS_MANAGER"),
        COMPREHEND("COMPREHEND");

        private final String envSuffix;

        Service(String envSuffix) {
            this.envSuffix = envSuffix;
        }

        public String endpointVariable() {
            return EnvVars.AWS_ENDPOINT_URL + "_" + envSuffix;
        }
    }

    /** Connect limit of the AWS HTTP client. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Read limit of the AWS HTTP client (between two packets). */
    public static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(5);
    /**
     * One attempt of an AWS call, however the server trickles: the project's calls (an item, a
     * batch of 25, a small object, a secret) answer in well under a second when the service is up.
     */
    public static final Duration API_CALL_ATTEMPT_TIMEOUT = Duration.ofSeconds(3);
    /**
     * A whole AWS call, retries included: a hung or dead service fails the run with a named
     * error this soon, well inside the shortest function timeout (20 s), instead of the SDK's
     * defaults outliving it (DynamoDB's legacy policy tries 9 times, each up to the socket timeout).
     */
    public static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(7);

    private final Env env;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient httpClient;

    private AwsClientSettings(Env env, Region region, AwsCredentialsProvider credentials, SdkHttpClient httpClient) {
        this.env = env;
        this.region = region;
        this.credentials = credentials;
        this.httpClient = httpClient;
    }

    public static AwsClientSettings fromEnv(Env env) {
        String region = env.optional(EnvVars.AWS_REGION)
                .or(() -> env.optional(EnvVars.AWS_DEFAULT_REGION))
                .orElseThrow(() -> new WebexdevException(EnvVars.AWS_REGION + " is not set"));
        SdkHttpClient http = UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(SOCKET_TIMEOUT)
                .build();
        return new AwsClientSettings(env, Region.of(region), credentialsFrom(env), http);
    }

    /**
     * Lambda hands the function's role credentials in environment variables; reading them
     * directly skips the default chain's probing. Elsewhere (a developer's machine) the
     * default chain finds profiles and the like.
     */
    private static AwsCredentialsProvider credentialsFrom(Env env) {
        Optional<String> keyId = env.optional(EnvVars.AWS_ACCESS_KEY_ID);
        Optional<String> secret = env.optional(EnvVars.AWS_SECRET_ACCESS_KEY);
        if (keyId.isEmpty() || secret.isEmpty()) {
            return DefaultCredentialsProvider.builder().build();
        }
        Optional<String> session = env.optional(EnvVars.AWS_SESSION_TOKEN);
        AwsCredentials credentials = session
                .<AwsCredentials>map(token -> AwsSessionCredentials.create(keyId.get(), secret.get(), token))
                .orElseGet(() -> AwsBasicCredentials.create(keyId.get(), secret.get()));
        return StaticCredentialsProvider.create(credentials);
    }

    /** The endpoint override for a service: its own variable first, then {@code AWS_ENDPOINT_URL}. */
    public Optional<URI> endpointOverride(Service service) {
        return env.optional(service.endpointVariable())
                .or(() -> env.optional(EnvVars.AWS_ENDPOINT_URL))
                .map(URI::create);
    }

    /**
     * Retries and time limits of every AWS call: the standard retry mode (3 attempts in all, for
     * every service), {@link #API_CALL_ATTEMPT_TIMEOUT} and {@link #API_CALL_TIMEOUT}. A request may
     * set a shorter limit of its own (the invocation's deadline).
     */
    public static ClientOverrideConfiguration overrides() {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(RetryMode.STANDARD)
                .apiCallAttemptTimeout(API_CALL_ATTEMPT_TIMEOUT)
                .apiCallTimeout(API_CALL_TIMEOUT)
                // SnapStart priming: requests marked as priming are stopped before they are sent.
                .addExecutionInterceptor(PrimingGuard.INSTANCE)
                .build();
    }

    /** Applies region, credentials, HTTP client, retries and time limits, and endpoint override to a client builder. */
    public <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, Service service) {
        builder.region(region).credentialsProvider(credentials).httpClient(httpClient).overrideConfiguration(overrides());
        endpointOverride(service).ifPresent(builder::endpointOverride);
        return builder;
    }
}
