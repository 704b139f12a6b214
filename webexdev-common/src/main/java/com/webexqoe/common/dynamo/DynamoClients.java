package com.webexqoe.common.dynamo;

import com.webexqoe.common.aws.AwsClientSettings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Builds the DynamoDB client (kept apart so functions without DynamoDB never load it). */
public final class DynamoClients {

    private DynamoClients() {
    }

    public static DynamoDbClient create(AwsClientSettings settings) {
        return settings.configure(DynamoDbClient.builder(), AwsClientSettings.Service.DYNAMODB).build();
    }
}
