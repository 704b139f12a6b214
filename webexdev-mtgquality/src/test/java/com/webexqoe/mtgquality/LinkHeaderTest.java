package com.webexqoe.mtgquality;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LinkHeaderTest {

    private static final URI PAGE = URI.create("https://analytics.webexapis.com/v1/meeting/qualities?meetingId=abc");

    @Test
    void findsTheNextLinkAsWebexWritesIt() {
        assertThat(LinkHeader.next(List.of("<https://analytics.webexapis.com/v1/meeting/qualities?meetingId=abc&max=100&offset=100>; rel=\"next\""), PAGE))
                .contains(URI.create("https://analytics.webexapis.com/v1/meeting/qualities?meetingId=abc&max=100&offset=100"));
    }

    @Test
    void picksNextAmongSeveralLinksInOneOrSeveralHeaders() {
        assertThat(LinkHeader.next(List.of("<https://x/first>; rel=\"first\", <https://x/p3>; rel=\"next\""), PAGE))
                .contains(URI.create("https://x/p3"));
        assertThat(LinkHeader.next(List.of("<https://x/prev>; rel=prev", "<https://x/p4>;rel=next"), PAGE))
                .contains(URI.create("https://x/p4"));
        assertThat(LinkHeader.next(List.of("<https://x/p5>; title=\"more\"; rel=\"next last\""), PAGE))
                .contains(URI.create("https://x/p5"));
        assertThat(LinkHeader.next(List.of("<https://x/p6>; REL=\"Next\""), PAGE)).contains(URI.create("https://x/p6"));
    }

    @Test
    void resolvesARelativeTargetAgainstThePage() {
        assertThat(LinkHeader.next(List.of("</v1/meeting/qualities?meetingId=abc&offset=2>; rel=\"next\""), PAGE))
                .contains(URI.create("https://analytics.webexapis.com/v1/meeting/qualities?meetingId=abc&offset=2"));
    }

    @Test
    void noNextLinkMeansTheLastPage() {
        assertThat(LinkHeader.next(List.of(), PAGE)).isEmpty();
        assertThat(LinkHeader.next(List.of("<https://x/first>; rel=\"first\""), PAGE)).isEmpty();
        assertThat(LinkHeader.next(List.of("<https://x/nextdoor>; rel=\"nextpage\""), PAGE)).isEmpty();
        assertThat(LinkHeader.next(List.of("garbage"), PAGE)).isEmpty();
    }
}
