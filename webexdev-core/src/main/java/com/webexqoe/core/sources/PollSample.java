package com.webexqoe.core.sources;

import java.time.Instant;
import java.util.OptionalDouble;

/**
 * One ThousandEyes poll of {@code webexdev-te-polling} (docs/behaviour.md#te-poll), reduced to the mean over its
 * agents: network latency, loss and jitter from {@code metrics}, HTTP response time from
 * {@code response}. A figure no agent reported is empty.
 */
public record PollSample(Instant at, OptionalDouble latencyMs, OptionalDouble lossPercent, OptionalDouble jitterMs,
                         OptionalDouble responseTimeMs) {
}
