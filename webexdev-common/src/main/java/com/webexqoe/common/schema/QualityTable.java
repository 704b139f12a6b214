package com.webexqoe.common.schema;

import com.webexqoe.common.config.EnvVars;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code webexdev-mtgquality}, written by the mtgquality function, read by the dashboard through
 * {@code byUser} (newest join first): one item per participant of a meeting. {@code jointime} is a
 * key of {@code byUser}, which takes no empty strings, so it is absent when Webex sent none.
 *
 * <p>One more item per meeting instance, under {@link #CALL_LEDGER_KEY}: when the function last
 * asked Webex for that meeting's qualities ({@link #CALLED_AT}) and, while the meeting is stored
 * only in part, the page to ask next ({@link #NEXT_PAGE}); docs/behaviour.md#mtgquality. It has no
 * {@code jointime}, so the {@code byUser} index (the dashboard's only way in) never holds it.
 */
public final class QualityTable {

    public static final String MEETING_ID = "meetingid";
    /** The participant's e-mail, lower case. */
    public static final String USER_EMAIL = "useremail";
    public static final String JOIN_TIME = "jointime";
    public static final String LEAVE_TIME = "leavetime";
    public static final String SERVER_REGION = "serverregion";
    public static final String NETWORK_TYPE = "networktype";
    /** The whole Meeting Qualities record, exact numbers. */
    public static final String ITEMS = "items";
    public static final String EXPIRES_AT = "expiresAt";

    /** The {@code useremail} of a meeting's call-ledger item (no e-mail or guest key starts with '#'). */
    public static final String CALL_LEDGER_KEY = "#qualities-call";
    /** Ledger: when Meeting Qualities was last asked for this meeting instance, epoch seconds. */
    public static final String CALLED_AT = "calledat";
    /** Ledger: the {@code Link: rel="next"} page still to read, absent once the meeting is stored whole. */
    public static final String NEXT_PAGE = "nextpage";
    /** Ledger items outlive Webex's own 7 days of quality data by a day, then expire. */
    public static final Duration CALL_LEDGER_RETENTION = Duration.ofDays(8);

    public static final String BY_USER = "byUser";
    public static final Duration RETENTION = Duration.ofDays(90);

    public static final TableSchema SCHEMA = new TableSchema("webexdev-mtgquality", EnvVars.DYNAMODB_TABLENAME,
            Optional.of(EnvVars.DYNAMODB_TABLENAME_MTGQA), TableSchema.s(MEETING_ID), Optional.of(TableSchema.s(USER_EMAIL)),
            List.of(new TableSchema.Index(BY_USER, TableSchema.s(USER_EMAIL), TableSchema.s(JOIN_TIME))), EXPIRES_AT, RETENTION);

    private QualityTable() {
    }
}
