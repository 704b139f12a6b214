package com.webexqoe.local;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webexqoe.common.json.Json;

/** Answers in the AWS JSON 1.1 protocol (Secrets Manager, Comprehend). */
final class AwsJson {

    static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private AwsJson() {
    }

    static ResponseDefinition ok(ObjectNode body) {
        return new ResponseDefinitionBuilder().withStatus(200).withHeader("Content-Type", CONTENT_TYPE)
                .withBody(Json.write(body)).build();
    }

    static ResponseDefinition error(int status, String type, String message) {
        return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", CONTENT_TYPE)
                .withBody(Json.write(Json.object().put("__type", type).put("message", message))).build();
    }
}
