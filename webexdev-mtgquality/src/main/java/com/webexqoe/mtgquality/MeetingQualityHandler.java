package com.webexqoe.mtgquality;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.webexqoe.common.aws.AwsClientSettings;
import com.webexqoe.common.config.Env;
import com.webexqoe.common.config.EnvVars;
import com.webexqoe.common.dynamo.DynamoClients;
import com.webexqoe.common.dynamo.DynamoTable;
import com.webexqoe.common.http.HttpFetcher;
import com.webexqoe.common.http.HttpSettings;
import com.webexqoe.common.lambda.FunctionRun;
import com.webexqoe.common.log.JsonLog;
import com.webexqoe.common.secrets.SecretStore;
import com.webexqoe.common.secrets.SecretsManagerClients;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Clock;

/**
 * Lambda entry point of {@code webexdev-mtgquality}:
 * {@code com.webexqoe.mtgquality.MeetingQualityHandler::handleRequest}. Invoked by hand (console
 * test event, {@code aws lambda invoke}, the local runner's {@code POST /invoke/webexdev-mtgquality})
 * while a meeting is in progress; any event starts a run, its content is not read.
 */
public final class MeetingQualityHandler implements RequestStreamHandler {

    static final String FUNCTION = "webexdev-mtgquality";

    private final MeetingQualityCollector collector;
    private final FunctionRun run;

    /** What Lambda calls: production adapters from the environment, built once per container. */
    public MeetingQualityHandler() {
        this(Env.system(), Clock.systemUTC());
    }

    /** The production wiring with a given environment and clock (the integration tests' entry). */
    public MeetingQualityHandler(Env env, Clock clock) {
        this(wire(env, clock), new JsonLog(FUNCTION, System.out, clock));
    }

    public MeetingQualityHandler(MeetingQualityCollector collector, JsonLog log) {
        this.collector = collector;
        this.run = new FunctionRun(log);
    }

    /** Reads exactly the variables of {@code FunctionVariables.MTGQUALITY}. */
    static MeetingQualityCollector wire(Env env, Clock clock) {
        String tableName = env.required(EnvVars.DYNAMODB_TABLENAME);
        String settingsSecret = env.required(EnvVars.SECRETMANAGER_NAME);
        String tokenSecret = env.required(EnvVars.SECRETMANAGER_TOKEN_NAME);
        URI apiBase = env.url(EnvVars.WEBEX_API_BASE_URL, EnvVars.WEBEX_API_BASE_URL_DEFAULT);
        URI analyticsBase = env.url(EnvVars.WEBEX_ANALYTICS_BASE_URL, EnvVars.WEBEX_ANALYTICS_BASE_URL_DEFAULT);
        AwsClientSettings aws = AwsClientSettings.fromEnv(env);
        DynamoTable table = new DynamoTable(DynamoClients.create(aws), tableName);
        SecretStore secretStore = new SecretStore(SecretsManagerClients.create(aws));
        HttpFetcher http = new HttpFetcher(HttpSettings.fromEnv(env));
        return new MeetingQualityCollector(
                new SecretsManagerTokenSecrets(secretStore, settingsSecret, tokenSecret),
                new HttpTokenEndpoint(http, URI.create(HttpWebexMeetings.base(apiBase) + "/access_token")),
                new HttpWebexMeetings(http, apiBase, analyticsBase),
                new DynamoQualityStore(table),
                clock,
                HttpWebexMeetings.base(apiBase) + " + " + HttpWebexMeetings.base(analyticsBase));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        run.handle(input, output, context, "meeting quality run", collector.source(),
                invocation -> collector.collect(invocation.deadline(), invocation.log()));
    }
}
