package com.webexqoe.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.webexqoe.common.json.Json;
import com.webexqoe.common.lambda.ClasspathResource;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * The demo's Webex space (docs/behaviour.md#core-notify): core's notifications are answered as the
 * Messages API answers a created message, printed in the console, and listed at
 * {@code GET /messages} of the local web server, so a user sees the push without a bot.
 */
final class MessagesStandIn {

    static final String PATH = "/webex/v1/messages";
    /** The demo space's room ID (WEBEX_NOTIFY_ROOM_ID in demo mode). */
    static final String ROOM = "Y2lzY29zcGFyazovL3VzL1JPT00vZGVtby1xb2Utc3BhY2U";
    static final String BOT_TOKEN = "demo-bot-token";

    private final WireMockServer apis;

    MessagesStandIn(WireMockServer apis) {
        this.apis = apis;
        // Priority 1: before the demo data's catch-all of /webex/.*.
        apis.stubFor(post(urlEqualTo(PATH)).atPriority(1).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(ClasspathResource.read("/demo/message-created.json"))));
    }

    /** Prints each posted message to {@code out} as it arrives. */
    void printTo(PrintStream out, java.util.function.Supplier<String> stamp) {
        apis.addMockServiceRequestListener((request, response) -> {
            if ("POST".equals(request.getMethod().getName()) && PATH.equals(request.getUrl())) {
                out.println(stamp.get() + "message posted to the demo Webex space (GET /messages lists them):");
                markdown(request.getBodyAsString()).lines().forEach(line -> out.println("    | " + line));
            }
        });
    }

    /** The posted messages, oldest first: {@code [{"at", "roomId", "markdown"}]}. */
    String json() {
        List<LoggedRequest> posted = apis.findAll(postRequestedFor(urlEqualTo(PATH)));
        ArrayNode list = Json.MAPPER.createArrayNode();
        for (LoggedRequest request : posted) {
            ObjectNode entry = list.addObject();
            entry.put("at", request.getLoggedDate().toInstant().toString());
            try {
                var body = Json.read(request.getBodyAsString());
                entry.put("roomId", body.path("roomId").asText());
                entry.put("markdown", body.path("markdown").asText());
            } catch (IOException e) {
                entry.put("markdown", "(not JSON)");
            }
        }
        return Json.write(list);
    }

    private static String markdown(String body) {
        try {
            return Json.read(body).path("markdown").asText();
        } catch (IOException e) {
            return "(not JSON)";
        }
    }
}
