package com.webexqoe.testkit;

import org.testcontainers.utility.DockerImageName;

/**
 * The LocalStack image the container suites run against when Docker is present. Pinned to a
 * release that needs no auth token (later images require one).
 */
public final class LocalStack {

    public static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:4.14.0");

    private LocalStack() {
    }
}
