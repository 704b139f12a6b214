package com.webexqoe.status;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatusFeedParserTest {

    private final StatusFeedParser parser = new StatusFeedParser();

    @Test
    void readsIncidentAndMaintenanceItemsWithTheSpacedStrongTag() {
        ParsedFeed feed = parser.parse(Fixtures.feed("history-incidents-and-maintenance.xml"));

        assertThat(feed.entries()).containsExactly(
                new StatusEntry("Webex Meetings - Users may be unable to join meetings on the AP cluster",
                        Optional.of("https://status.webex.com/incidents/9b1f"), "investigating",
                        Optional.of(Instant.parse("2026-11-27T09:12:00Z"))),
                new StatusEntry("Scheduled maintenance - Webex Calling London",
                        Optional.of("https://status.webex.com/maintenance/77aa"), "in progress",
                        Optional.of(Instant.parse("2026-11-27T02:00:00Z"))),
                new StatusEntry("Webex Messaging - Delayed message delivery",
                        Optional.of("https://status.webex.com/incidents/51c0"), "resolved",
                        Optional.of(Instant.parse("2026-11-26T22:40:00Z"))),
                new StatusEntry("Scheduled maintenance - Webex Meetings Virginia",
                        Optional.of("https://status.webex.com/maintenance/80ff"), "scheduled",
                        Optional.of(Instant.parse("2026-11-25T18:00:00Z"))));
        assertThat(feed.skippedWithoutTitle()).isZero();
    }

    @Test
    void toleratesCaseAttributesInnerMarkupAndSpacesInTheTag() {
        ParsedFeed feed = parser.parse(Fixtures.feed("history-strong-variants.xml"));

        assertThat(feed.entries()).extracting(StatusEntry::status)
                .containsExactly("Monitoring", "identified", "completed");
    }

    @Test
    void itemWithoutStrongIsUnknownAndItemsWithoutTitleAreSkippedAndCounted() {
        ParsedFeed feed = parser.parse(Fixtures.feed("history-missing-parts.xml"));

        assertThat(feed.entries()).extracting(StatusEntry::title, StatusEntry::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("An announcement with no status word", "unknown"),
                        org.assertj.core.groups.Tuple.tuple("No date and no description", "unknown"));
        assertThat(feed.entries().get(1).published()).isEmpty();
        assertThat(feed.skippedWithoutTitle()).isEqualTo(2);
    }

    @Test
    void keepsNonAsciiTextAndConvertsTheDateToUtc() {
        StatusEntry entry = parser.parse(Fixtures.feed("history-non-ascii.xml")).entries().get(0);

        assertThat(entry.title()).isEqualTo("Webex Meetings - 東京リージョンで会議に参加できない問題 (Zürich & Tokyo)");
        assertThat(entry.status()).isEqualTo("monitoring");
        assertThat(entry.published()).contains(Instant.parse("2026-11-26T18:00:00Z"));
    }

    @Test
    void emptyFeedYieldsNothing() {
        ParsedFeed feed = parser.parse(Fixtures.feed("history-empty.xml"));

        assertThat(feed.entries()).isEmpty();
        assertThat(feed.skippedWithoutTitle()).isZero();
    }

    @Test
    void brokenXmlIsAClearError() {
        assertThatThrownBy(() -> parser.parse(Fixtures.feed("history-broken.xml")))
                .isInstanceOf(StatusFeedException.class)
                .hasMessageStartingWith("status feed is not a readable RSS/Atom document");
    }

    @Test
    void anHtmlPageIsNotAFeed() {
        assertThatThrownBy(() -> parser.parse(Fixtures.feed("maintenance-page.html")))
                .isInstanceOf(StatusFeedException.class)
                .hasMessageStartingWith("status feed is not a readable RSS/Atom document");
    }

    @Test
    void aDocumentTypeDeclarationIsRefusedSoExternalEntitiesNeverResolve() {
        // Rome refuses DOCTYPEs by default (XXE); this pins that behaviour.
        assertThatThrownBy(() -> parser.parse(Fixtures.feed("history-external-entity.xml")))
                .isInstanceOf(StatusFeedException.class)
                .hasMessageStartingWith("status feed is not a readable RSS/Atom document");
    }

    @Test
    void sameTitleTwiceKeepsTheFirstTheNewest() {
        String doc = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>t</title><link>https://status.webex.com</link><description>d</description>
                <item><title>Outage</title><description>&lt;strong&gt;resolved&lt;/strong&gt;</description></item>
                <item><title>Outage</title><description>&lt;strong&gt;investigating&lt;/strong&gt;</description></item>
                </channel></rss>""";

        ParsedFeed feed = parser.parse(doc.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(feed.entries()).extracting(StatusEntry::status).containsExactly("resolved");
        assertThat(feed.duplicateTitles()).isEqualTo(1);
    }

    @Test
    void statusWordIsTrimmedAndUnescaped() {
        assertThat(StatusFeedParser.statusWord("<strong >  in   progress </strong > - x")).isEqualTo("in progress");
        assertThat(StatusFeedParser.statusWord("<strong>Q&amp;A</strong>")).isEqualTo("Q&A");
        assertThat(StatusFeedParser.statusWord("<strong></strong>")).isEqualTo("unknown");
        assertThat(StatusFeedParser.statusWord("no tags at all")).isEqualTo("unknown");
    }
}
