package com.webexqoe.mtgquality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the {@code items[]} of Get Meeting Qualities into one {@link ParticipantQuality} per
 * table key ({@code meetingid}, {@code useremail}).
 *
 * <ul>
 *   <li>{@code useremail} is {@code webexUserEmail}, trimmed and lower-cased, so the dashboard
 *       finds the user however the secret spells the address.</li>
 *   <li>A record without {@code webexUserEmail} (a guest) is kept under
 *       {@code guest:<participantId>}, else {@code guest:<participantSessionId>}, else
 *       {@code guest:name:<webexUserName>}: the participant id is stable for the participant
 *       within the meeting instance and, unlike a display name, never shared by two guests.
 *       A record with none of these cannot be keyed and is skipped (counted).</li>
 *   <li>Two records with the same key (a participant who left and rejoined) cannot both be kept
 *       under the table's key (docs/behaviour.md#tables): the one with the latest {@code joinTime} wins (counted).</li>
 *   <li>Privacy: the participant's raw {@code localIP} and {@code publicIP} are dropped from the
 *       stored record, which keeps Webex's {@code maskedLocalIP} / {@code maskedPublicIP}, unless
 *       {@code STORE_RAW_IPS=true} (README, "Personal data").</li>
 * </ul>
 */
public final class QualityRecords {

    static final String GUEST_PREFIX = "guest:";
    /** The raw addresses of a media session (Get Meeting Qualities); their masked twins are kept. */
    static final List<String> RAW_IP_FIELDS = List.of("localIP", "publicIP");

    /**
     * @param records     keyed records, one per key
     * @param skipped     records without any identity to key them by
     * @param superseded  records replaced by a later session of the same participant
     */
    public record Mapped(List<ParticipantQuality> records, int skipped, int superseded) {

        public long guests() {
            return records.stream().filter(ParticipantQuality::guest).count();
        }
    }

    private QualityRecords() {
    }

    /** {@link #map(String, List, boolean)} storing masked addresses only. */
    public static Mapped map(String requestedMeetingId, List<JsonNode> items) {
        return map(requestedMeetingId, items, false);
    }

    public static Mapped map(String requestedMeetingId, List<JsonNode> items, boolean storeRawIps) {
        Map<String, ParticipantQuality> byKey = new LinkedHashMap<>();
        int skipped = 0;
        int superseded = 0;
        for (JsonNode item : items) {
            if (!item.isObject()) {
                skipped++;
                continue;
            }
            Optional<String> email = text(item, "webexUserEmail").map(e -> e.toLowerCase(Locale.ROOT));
            Optional<String> userKey = email.isPresent() ? email : guestKey(item);
            if (userKey.isEmpty()) {
                skipped++;
                continue;
            }
            ParticipantQuality quality = new ParticipantQuality(
                    text(item, "meetingInstanceId").orElse(requestedMeetingId),
                    userKey.get(),
                    email.isEmpty(),
                    text(item, "joinTime"),
                    text(item, "leaveTime"),
                    text(item, "serverRegion"),
                    text(item, "networkType"),
                    storeRawIps ? item : withoutRawIps((ObjectNode) item));
            String key = quality.meetingId() + "\n" + quality.userKey();
            ParticipantQuality earlier = byKey.get(key);
            if (earlier != null) {
                superseded++;
                if (!joinedLater(quality, earlier)) {
                    continue;
                }
            }
            byKey.put(key, quality);
        }
        return new Mapped(List.copyOf(new ArrayList<>(byKey.values())), skipped, superseded);
    }

    private static JsonNode withoutRawIps(ObjectNode item) {
        ObjectNode copy = item.deepCopy();
        copy.remove(RAW_IP_FIELDS);
        return copy;
    }

    static Optional<String> guestKey(JsonNode item) {
        return text(item, "participantId").map(id -> GUEST_PREFIX + id)
                .or(() -> text(item, "participantSessionId").map(id -> GUEST_PREFIX + id))
                .or(() -> text(item, "webexUserName").map(name -> GUEST_PREFIX + "name:" + name));
    }

    /** Whether {@code a} joined after {@code b}; a record without a readable join time counts as earliest. */
    private static boolean joinedLater(ParticipantQuality a, ParticipantQuality b) {
        Optional<Instant> joinA = a.joinTime().flatMap(QualityRecords::instant);
        Optional<Instant> joinB = b.joinTime().flatMap(QualityRecords::instant);
        if (joinA.isEmpty()) {
            return false;
        }
        return joinB.isEmpty() || !joinA.get().isBefore(joinB.get());
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(JsonNode item, String field) {
        JsonNode value = item.path(field);
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText().trim()) : Optional.empty();
    }
}
