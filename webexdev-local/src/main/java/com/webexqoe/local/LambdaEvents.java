package com.webexqoe.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webexqoe.common.json.Json;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** The event JSON Lambda hands a function, as EventBridge and API Gateway send it. */
final class LambdaEvents {

    private LambdaEvents() {
    }

    /** An EventBridge scheduled event ({@code "source": "aws.events"}). */
    static String scheduled(String function, Instant now) {
        ObjectNode event = Json.object()
                .put("version", "0")
                .put("id", UUID.randomUUID().toString())
                .put("detail-type", "Scheduled Event")
                .put("source", "aws.events")
                .put("account", "000000000000")
                .put("time", now.toString())
                .put("region", LocalSystem.REGION);
        event.putArray("resources").add("arn:aws:events:" + LocalSystem.REGION + ":000000000000:rule/" + function + "-schedule");
        event.putObject("detail");
        return Json.write(event);
    }

    /**
     * The event of a run asked for by hand ({@code POST /invoke/<name>}, the demo's first runs): the
     * scheduled event, except for mtgquality, whose scheduled event only keeps its Webex token
     * alive; its hand invoke gets {@code {}}, as {@code aws lambda invoke} with an empty payload.
     */
    static String handRun(LocalFunction function, Instant now) {
        return function == LocalFunction.MTGQUALITY ? "{}" : scheduled(function.functionName(), now);
    }

    /** An API Gateway REST proxy request event for {@code POST path} with the given headers and body. */
    static String proxyRequest(String path, Map<String, String> headers, String body, Instant now) {
        ObjectNode event = Json.object()
                .put("resource", path)
                .put("path", path)
                .put("httpMethod", "POST")
                .put("body", body)
                .put("isBase64Encoded", false);
        ObjectNode headerNode = event.putObject("headers");
        ObjectNode multi = event.putObject("multiValueHeaders");
        headers.forEach((name, value) -> {
            headerNode.put(name, value);
            multi.putArray(name).add(value);
        });
        event.putNull("queryStringParameters");
        event.putNull("pathParameters");
        ObjectNode context = event.putObject("requestContext")
                .put("resourcePath", path)
                .put("httpMethod", "POST")
                .put("path", "/local" + path)
                .put("stage", "local")
                .put("requestId", UUID.randomUUID().toString())
                .put("requestTimeEpoch", now.toEpochMilli())
                .put("protocol", "HTTP/1.1");
        context.putObject("identity").put("sourceIp", "127.0.0.1");
        return Json.write(event);
    }
}
