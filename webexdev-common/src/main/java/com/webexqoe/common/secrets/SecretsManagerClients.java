package com.webexqoe.common.secrets;

import com.webexqoe.common.aws.AwsClientSettings;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Builds the Secrets Manager client (kept apart so functions without secrets never load it). */
public final class SecretsManagerClients {

    private SecretsManagerClients() {
    }

    public static SecretsManagerClient create(AwsClientSettings settings) {
        return settings.configure(SecretsManagerClient.builder(), AwsClientSettings.Service.SECRETS_MANAGER).build();
    }
}
