package com.webexqoe.mtgquality;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * One participant's quality record of one meeting instance, keyed as the table wants it.
 *
 * @param meetingId    {@code meetingInstanceId} (the meeting asked for when the record has none)
 * @param userKey      {@code webexUserEmail} lower-cased, or a guest key (see {@link QualityRecords})
 * @param guest        whether {@code userKey} is a guest key rather than an e-mail
 * @param joinTime     {@code joinTime} as Webex wrote it
 * @param leaveTime    {@code leaveTime} as Webex wrote it
 * @param serverRegion {@code serverRegion}
 * @param networkType  {@code networkType}
 * @param record       the whole record, numbers exact
 */
public record ParticipantQuality(String meetingId, String userKey, boolean guest, Optional<String> joinTime,
                                 Optional<String> leaveTime, Optional<String> serverRegion, Optional<String> networkType,
                                 JsonNode record) {
}
