package com.webexqoe.mtgquality;

import com.webexqoe.common.WebexdevException;
import com.webexqoe.common.schema.QualityTable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static com.webexqoe.common.dynamo.AttributeValues.n;
import static com.webexqoe.common.dynamo.AttributeValues.s;

/**
 * The call ledger in the quality table: one item per meeting instance under
 * {@code useremail = }{@value QualityTable#CALL_LEDGER_KEY} with {@code calledat} (epoch
 * milliseconds), {@code nextpage} while the meeting is stored in part, and its own TTL
 * ({@link QualityTable#CALL_LEDGER_RETENTION}). The turn is one {@code UpdateItem} with the
 * condition "no call yet, or the last one at least five minutes ago"; a refused turn reads the
 * item back ({@code GetItem}) to say when the meeting may be asked again.
 */
public record DynamoCallLedger(DynamoDbClient client, String table) implements CallLedger {

    @Override
    public Turn take(String meetingId, Instant now) {
        long cutoff = now.minus(INTERVAL).toEpochMilli();
        try {
            UpdateItemResponse response = client.updateItem(request -> request.tableName(table).key(key(meetingId))
                    .updateExpression("SET #calledat = :now, #expires = :expires")
                    .conditionExpression("attribute_not_exists(#calledat) OR #calledat <= :cutoff")
                    .expressionAttributeNames(Map.of("#calledat", QualityTable.CALLED_AT, "#expires", QualityTable.EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":now", n(now.toEpochMilli()), ":cutoff", n(cutoff),
                            ":expires", n(now.plus(QualityTable.CALL_LEDGER_RETENTION).getEpochSecond())))
                    .returnValues(ReturnValue.ALL_OLD));
            AttributeValue next = response.hasAttributes() ? response.attributes().get(QualityTable.NEXT_PAGE) : null;
            return new Granted(next == null || next.s() == null || next.s().isBlank()
                    ? Optional.empty() : Optional.of(URI.create(next.s())));
        } catch (ConditionalCheckFailedException refused) {
            return new Refused(lastCall(meetingId).orElse(now));
        } catch (SdkException | IllegalArgumentException e) {
            throw new WebexdevException("DynamoDB table " + table + ": the call ledger of meeting " + meetingId
                    + " could not be written (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    @Override
    public void pageRead(String meetingId, Optional<URI> nextPage) {
        try {
            if (nextPage.isPresent()) {
                client.updateItem(request -> request.tableName(table).key(key(meetingId))
                        .updateExpression("SET #next = :next")
                        .expressionAttributeNames(Map.of("#next", QualityTable.NEXT_PAGE))
                        .expressionAttributeValues(Map.of(":next", s(nextPage.get().toString()))));
            } else {
                client.updateItem(request -> request.tableName(table).key(key(meetingId))
                        .updateExpression("REMOVE #next")
                        .expressionAttributeNames(Map.of("#next", QualityTable.NEXT_PAGE)));
            }
        } catch (SdkException e) {
            throw new WebexdevException("DynamoDB table " + table + ": the next page of meeting " + meetingId
                    + " could not be recorded (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private Optional<Instant> lastCall(String meetingId) {
        Map<String, AttributeValue> item;
        try {
            item = client.getItem(request -> request.tableName(table).key(key(meetingId)).consistentRead(true)).item();
        } catch (SdkException e) {
            throw new WebexdevException("DynamoDB table " + table + ": the call ledger of meeting " + meetingId
                    + " could not be read (" + e.getClass().getSimpleName() + ")", e);
        }
        AttributeValue calledAt = item == null ? null : item.get(QualityTable.CALLED_AT);
        return calledAt == null || calledAt.n() == null ? Optional.empty()
                : Optional.of(Instant.ofEpochMilli(Long.parseLong(calledAt.n())));
    }

    private static Map<String, AttributeValue> key(String meetingId) {
        return Map.of(QualityTable.MEETING_ID, s(meetingId), QualityTable.USER_EMAIL, s(QualityTable.CALL_LEDGER_KEY));
    }
}
