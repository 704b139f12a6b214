package com.webexqoe.testkit;

import com.webexqoe.standins.StandIns;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * The environment a function sees when it runs against the stand-ins: the region and
 * credentials Lambda would set, and the SDK's standard endpoint-override variables.
 */
public final class StandInEnv {

    private final Map<String, String> values = new HashMap<>();

    private StandInEnv() {
        values.put("AWS_REGION", StandIns.REGION);
        values.put("AWS_ACCESS_KEY_ID", StandIns.ACCESS_KEY);
        values.put("AWS_SECRET_ACCESS_KEY", StandIns.SECRET_KEY);
        values.put("AWS_LAMBDA_FUNCTION_NAME", "test-function");
    }

    public static StandInEnv create() {
        return new StandInEnv();
    }

    public StandInEnv dynamoDb(URI endpoint) {
        return set("AWS_ENDPOINT_URL_DYNAMODB", endpoint.toString());
    }

    public StandInEnv s3(URI endpoint) {
        return set("AWS_ENDPOINT_URL_S3", endpoint.toString());
    }

    public StandInEnv secretsManager(URI endpoint) {
        return set("AWS_ENDPOINT_URL_SECRETS_MANAGER", endpoint.toString());
    }

    public StandInEnv comprehend(URI endpoint) {
        return set("AWS_ENDPOINT_URL_COMPREHEND", endpoint.toString());
    }

    public StandInEnv set(String name, String value) {
        values.put(name, value);
        return this;
    }

    public StandInEnv remove(String name) {
        values.remove(name);
        return this;
    }

    public Map<String, String> toMap() {
        return Map.copyOf(values);
    }
}
