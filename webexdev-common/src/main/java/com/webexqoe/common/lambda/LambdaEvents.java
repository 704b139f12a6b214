package com.webexqoe.common.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.webexqoe.common.WebexdevException;
import com.webexqoe.common.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

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

    /** Writes a result already in JSON text (see {@link com.webexqoe.common.json.JsonText}). */
    public static void write(OutputStream output, String json) {
        try {
            output.write(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the function's result", e);
        }
    }

    public static void write(OutputStream output, JsonNode result) {
        write(output, Json.write(result));
    }
}
