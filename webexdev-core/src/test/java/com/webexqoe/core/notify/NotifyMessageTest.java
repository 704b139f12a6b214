package com.webexqoe.core.notify;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class NotifyMessageTest {

    @Test
    void outsideTextCannotFormatMentionOrBreakLines() {
        assertThat(NotifyMessage.escape("<@all> **bold** [x](javascript:alert(1))\n# heading"))
                .isEqualTo("&lt;@all&gt; \\*\\*bold\\*\\* \\[x\\]\\(javascript:alert\\(1\\)\\) \\# heading");
        assertThat(NotifyMessage.escape("AT&T_path")).isEqualTo("AT&amp;T\\_path");
    }

    @Test
    void aHugeEvidenceIsShortenedToTheMessagesApiLimit() {
        String evidence = " — " + "Cisco status \"Webex Meetings ✓ degraded\" ".repeat(600);
        String message = NotifyMessage.within("**head**\n\n", "Where is the problem: Webex service", evidence, "\n\nT 0");
        assertThat(message.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(NotifyMessage.MAX_BYTES)
                .isGreaterThan(NotifyMessage.MAX_BYTES / 2);
        assertThat(message).startsWith("**head**\n\nWhere is the problem: Webex service — Cisco status")
                .contains(" …").endsWith("\n\nT 0");
    }

    @Test
    void aShortMessageIsLeftWhole() {
        assertThat(NotifyMessage.within("h ", "w", " e", " t")).isEqualTo("h w e t");
    }

    @Test
    void durationsReadAsMinutesOrHours() {
        assertThat(NotifyMessage.duration(Duration.ofMinutes(42))).isEqualTo("42 min");
        assertThat(NotifyMessage.duration(Duration.ofMinutes(135))).isEqualTo("2 h 15 min");
    }
}
