package com.webexqoe.core.score;

import com.webexqoe.core.sources.CiscoApiItem;
import com.webexqoe.core.sources.StatusItem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Status items of both sources as DashboardItems reads them, for the S term, headline and section tests. */
public final class CiscoStatusTestItems {

    static final Instant NOW = HealthScoreTest.NOW;
    static final String APAC_INCIDENT = "Webex Meetings: Users may experience poor audio quality in meetings hosted on the APAC cluster";

    private CiscoStatusTestItems() {
    }

    public static StatusItem feed(String title, String status, Duration ago) {
        return new StatusItem(title, Optional.of("https://status.webex.com/incidents/9b1f"), status, Optional.of(NOW.minus(ago)),
                Optional.of(NOW));
    }

    public static StatusItem incident(String id, String name, String status, Duration updatedAgo, String... components) {
        return new StatusItem("api:incident:" + id, Optional.of("https://status.webex.com"), status,
                Optional.of(NOW.minus(updatedAgo).minus(Duration.ofMinutes(20))), Optional.of(NOW),
                Optional.of(new CiscoApiItem(CiscoApiItem.INCIDENT, name, Optional.empty(), Optional.of("major"), List.of(components),
                        Optional.of("APAC"), Optional.of(NOW.minus(updatedAgo)), Optional.empty(), Optional.empty())));
    }

    public static StatusItem maintenance(String id, String name, String status, String location) {
        return new StatusItem("api:maintenance:" + id, Optional.of("https://status.webex.com"), status,
                Optional.of(NOW.minus(Duration.ofDays(7))), Optional.of(NOW),
                Optional.of(new CiscoApiItem(CiscoApiItem.MAINTENANCE, name, Optional.empty(), Optional.of("maintenance"),
                        List.of("Webex Calling - London"), Optional.of(location), Optional.of(NOW.minus(Duration.ofHours(1))),
                        Optional.of(NOW.minus(Duration.ofHours(1))), Optional.of(NOW.plus(Duration.ofHours(5))))));
    }

    public static StatusItem component(String id, String name, String group, String status) {
        return new StatusItem("api:component:" + id, Optional.empty(), status, Optional.empty(), Optional.of(NOW),
                Optional.of(new CiscoApiItem(CiscoApiItem.COMPONENT, name, Optional.ofNullable(group), Optional.empty(), List.of(),
                        Optional.empty(), Optional.of(NOW.minus(Duration.ofMinutes(10))), Optional.empty(), Optional.empty())));
    }

    public static StatusItem summary(String indicator, String description) {
        return new StatusItem("api:summary", Optional.empty(), indicator, Optional.empty(), Optional.of(NOW),
                Optional.of(new CiscoApiItem(CiscoApiItem.SUMMARY, description, Optional.empty(), Optional.empty(), List.of(),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())));
    }
}
