package com.webexqoe.local;

import com.webexqoe.common.aws.AwsClientSettings.Service;
import com.webexqoe.common.config.FunctionVariables;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The five functions as the SAM template deploys them: jar, handler, schedule, timeout, and the AWS
 * services each one calls (only those get an endpoint override here). {@code LocalFunctionTest} holds
 * the handler, schedule and timeout to template.yaml, which stays their one home.
 */
public enum LocalFunction {

    STATUS("status", FunctionVariables.STATUS, "com.webexqoe.status.StatusHandler::handleRequest",
            Duration.ofMinutes(5), Duration.ofSeconds(20), Set.of(Service.DYNAMODB)),
    TE("te", FunctionVariables.TE, "com.webexqoe.te.TeHandler::handleRequest",
            Duration.ofMinutes(15), Duration.ofSeconds(60), Set.of(Service.DYNAMODB, Service.S3, Service.SECRETS_MANAGER)),
    TWITTERAPI("twitterapi", FunctionVariables.TWITTERAPI, "com.webexqoe.twitter.TwitterHandler::handleRequest",
            Duration.ofMinutes(15), Duration.ofSeconds(30), Set.of(Service.DYNAMODB, Service.SECRETS_MANAGER, Service.COMPREHEND)),
    MTGQUALITY("mtgquality", FunctionVariables.MTGQUALITY, "com.webexqoe.mtgquality.MeetingQualityHandler::handleRequest",
            Duration.ofDays(7), Duration.ofSeconds(60), Set.of(Service.DYNAMODB, Service.SECRETS_MANAGER)),
    CORE("core", FunctionVariables.CORE, "com.webexqoe.core.CoreHandler::handleRequest",
            Duration.ofMinutes(1), Duration.ofSeconds(30), Set.of(Service.DYNAMODB, Service.S3, Service.SECRETS_MANAGER));

    private final String shortName;
    private final FunctionVariables variables;
    private final String handler;
    private final Duration schedule;
    private final Duration timeout;
    private final Set<Service> services;

    LocalFunction(String shortName, FunctionVariables variables, String handler, Duration schedule, Duration timeout,
                  Set<Service> services) {
        this.shortName = shortName;
        this.variables = variables;
        this.handler = handler;
        this.schedule = schedule;
        this.timeout = timeout;
        this.services = services;
    }

    /** The name in {@code POST /invoke/<name>}. */
    public String shortName() {
        return shortName;
    }

    public String functionName() {
        return variables.functionName();
    }

    FunctionVariables variables() {
        return variables;
    }

    public String handler() {
        return handler;
    }

    /** The jar as the build leaves it: {@code <module>/target/<module>.jar}. */
    public String jarPath() {
        return functionName() + "/target/" + functionName() + ".jar";
    }

    public Optional<Duration> schedule() {
        return Optional.ofNullable(schedule);
    }

    Duration timeout() {
        return timeout;
    }

    Set<Service> services() {
        return services;
    }

    public static Optional<LocalFunction> byShortName(String name) {
        for (LocalFunction function : values()) {
            if (function.shortName.equals(name)) {
                return Optional.of(function);
            }
        }
        return Optional.empty();
    }
}
