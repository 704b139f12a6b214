package com.webexqoe.te;

import com.fasterxml.jackson.databind.JsonNode;
import com.webexqoe.common.json.Json;

import com.webexqoe.testkit.TestResources;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Payloads under src/test/resources/ (thousandeyes/, alerts/, events/). */
public final class Fixtures {

    private Fixtures() {
    }

    public static byte[] bytes(String path) {
        return TestResources.bytes(path);
    }

    public static String text(String path) {
        return TestResources.text(path);
    }

    static JsonNode json(String path) {
        try {
            return Json.MAPPER.readTree(bytes(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode te(String name) {
        return json("thousandeyes/" + name);
    }
}
