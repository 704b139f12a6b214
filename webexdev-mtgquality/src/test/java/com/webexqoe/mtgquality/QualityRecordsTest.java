package com.webexqoe.mtgquality;

import com.fasterxml.jackson.databind.JsonNode;
import com.webexqoe.common.json.Json;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QualityRecordsTest {

    private static final String MEETING = "9b1e7c44d0a34f6e8f2c5a7d3b9e1c28_I_284714488821002245";

    private static List<JsonNode> fixture() throws Exception {
        List<JsonNode> items = new ArrayList<>();
        Json.read(Fixtures.text("webex-analytics/qualities-personal-room-with-guest.json")).get("items").forEach(items::add);
        return items;
    }

    private static JsonNode record(String json) throws Exception {
        return Json.read(json);
    }

    @Test
    void keysMembersByLowerCasedEmailAndGuestsByParticipantId() throws Exception {
        QualityRecords.Mapped mapped = QualityRecords.map(MEETING, fixture());

        assertThat(mapped.records()).extracting(ParticipantQuality::userKey)
                .containsExactly("hana.sato@example.com", "guest:" + MEETING + "_9");
        assertThat(mapped.records()).extracting(ParticipantQuality::guest).containsExactly(false, true);
        assertThat(mapped.guests()).isEqualTo(1);
        ParticipantQuality hana = mapped.records().get(0);
        assertThat(hana.meetingId()).isEqualTo(MEETING);
        assertThat(hana.joinTime()).contains("2026-11-28T04:41:30.000Z");
        assertThat(hana.serverRegion()).contains("Tokyo, Japan");
        // The whole record but the raw addresses; the masked ones stay.
        JsonNode expected = fixture().get(0);
        ((com.fasterxml.jackson.databind.node.ObjectNode) expected).remove(List.of("localIP", "publicIP"));
        assertThat(hana.record()).isEqualTo(expected);
        assertThat(hana.record().get("maskedLocalIP").asText()).isEqualTo("192.168.1.0");
        assertThat(hana.record().has("localIP")).isFalse();
        assertThat(hana.record().has("publicIP")).isFalse();
    }

    @Test
    void storeRawIpsKeepsTheWholeRecordAndNeverChangesTheInput() throws Exception {
        List<JsonNode> items = fixture();

        QualityRecords.Mapped masked = QualityRecords.map(MEETING, items, false);
        QualityRecords.Mapped raw = QualityRecords.map(MEETING, items, true);

        assertThat(raw.records().get(0).record()).isEqualTo(fixture().get(0));
        assertThat(raw.records().get(0).record().get("publicIP").asText()).isEqualTo("203.0.113.24");
        assertThat(masked.records().get(0).record().has("publicIP")).isFalse();
        assertThat(items.get(0).get("localIP").asText()).isEqualTo("192.168.1.23");
    }

    @Test
    void anEmailIsLowerCasedAndTrimmed() throws Exception {
        QualityRecords.Mapped mapped = QualityRecords.map(MEETING, List.of(record(
                "{\"meetingInstanceId\":\"m1\",\"webexUserEmail\":\"  Hana.SATO@Example.COM \"}")));

        assertThat(mapped.records().get(0).userKey()).isEqualTo("hana.sato@example.com");
        assertThat(mapped.records().get(0).meetingId()).isEqualTo("m1");
    }

    @Test
    void aGuestFallsBackToTheSessionIdThenTheDisplayNameAndOtherwiseIsSkipped() throws Exception {
        QualityRecords.Mapped mapped = QualityRecords.map(MEETING, List.of(
                record("{\"participantSessionId\":\"S-1\",\"webexUserName\":\"Guest\"}"),
                record("{\"webexUserName\":\"Front desk\"}"),
                record("{\"webexUserEmail\":\"\",\"joinTime\":\"2026-11-28T04:42:02.000Z\"}"),
                record("[1, 2]")));

        assertThat(mapped.records()).extracting(ParticipantQuality::userKey)
                .containsExactly("guest:S-1", "guest:name:Front desk");
        assertThat(mapped.records()).allSatisfy(r -> assertThat(r.meetingId()).isEqualTo(MEETING));
        assertThat(mapped.skipped()).isEqualTo(2);
    }

    @Test
    void aParticipantWhoRejoinedKeepsTheLatestSession() throws Exception {
        QualityRecords.Mapped mapped = QualityRecords.map(MEETING, List.of(
                record("{\"webexUserEmail\":\"kenji.ito@example.com\",\"joinTime\":\"2026-11-28T04:31:05.000Z\",\"networkType\":\"wifi\"}"),
                record("{\"webexUserEmail\":\"Kenji.Ito@example.com\",\"joinTime\":\"2026-11-28T04:40:00.000Z\",\"networkType\":\"cellular\"}"),
                record("{\"webexUserEmail\":\"kenji.ito@example.com\",\"joinTime\":\"2026-11-28T04:35:00.000Z\",\"networkType\":\"ethernet\"}")));

        assertThat(mapped.records()).hasSize(1);
        assertThat(mapped.records().get(0).networkType()).contains("cellular");
        assertThat(mapped.superseded()).isEqualTo(2);
    }
}
