package com.webexqoe.common.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.webexqoe.common.WebexdevException;
import com.webexqoe.common.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Reading events and writing results of stream handlers (no reflection-based serialisation). */
public final class LambdaEvents {

    private LambdaEvents() {
    }

    /** The event as a JSON tree; an empty input is an empty object (a manual test invoke). */
    public static JsonNode read(InputStream input) {
        try {
            byte[] bytes = input.readAllBytes();
            if (bytes.length == 0) {
                return Json.object();
            }
            return Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new WebexdevException("the invocation event is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** An EventBridge scheduled event ({@code "source": "aws.events"}). */
    public static boolean isScheduled(JsonNode event) {
        return "aws.events".equals(event.path("source").asText(null));
    }

    public static void write(OutputStream output, JsonNode result) {
        try {
            Json.MAPPER.writeValue(output, result);
        } catch (IOException e) {
            throw new WebexdevException("cannot write the function's result", e);
        }
    }
}
