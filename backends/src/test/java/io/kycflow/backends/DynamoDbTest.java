package io.kycflow.backends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

class DynamoDbTest {

    private static DynamoDbClient dynamoDb;
    private static String table;

    @BeforeAll
    static void createTable() {
        dynamoDb = Clients.dynamoDb(Clients.shared());
        table = Clients.uniqueName("journeys");
        createTable(dynamoDb, table);
    }

    @AfterAll
    static void closeClient() {
        dynamoDb.close();
    }

    /** The project's table layout: pk/sk strings. */
    static void createTable(DynamoDbClient dynamoDb, String table) {
        dynamoDb.createTable(r -> r.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.S))
                .keySchema(
                        k -> k.attributeName("pk").keyType(KeyType.HASH),
                        k -> k.attributeName("sk").keyType(KeyType.RANGE)));
    }

    static Map<String, AttributeValue> item(String pk, String sk, int n) {
        return Map.of("pk", s(pk), "sk", s(sk), "n", AttributeValue.fromN(Integer.toString(n)));
    }

    @Test
    void putThenConditionalPutOfTheSameKeyFails() {
        dynamoDb.putItem(r -> r.tableName(table).item(item("T#1", "J#1", 1))
                .conditionExpression("attribute_not_exists(pk)"));

        assertThrows(ConditionalCheckFailedException.class, () -> dynamoDb.putItem(r -> r.tableName(table)
                .item(item("T#1", "J#1", 2))
                .conditionExpression("attribute_not_exists(pk)")));
        assertEquals("1", get("T#1", "J#1").get("n").n());
    }

    @Test
    void transactionIsAllOrNothingAndReportsCancellationReasons() {
        dynamoDb.putItem(r -> r.tableName(table).item(item("T#2", "J#1", 1)));

        var cancelled = assertThrows(TransactionCanceledException.class, () -> dynamoDb.transactWriteItems(r -> r
                .transactItems(
                        t -> t.put(p -> p.tableName(table).item(item("T#2", "J#2", 1))),
                        t -> t.conditionCheck(c -> c.tableName(table)
                                .key(Map.of("pk", s("T#2"), "sk", s("J#1")))
                                .conditionExpression("n = :two")
                                .expressionAttributeValues(Map.of(":two", AttributeValue.fromN("2")))))));
        assertEquals(List.of("None", "ConditionalCheckFailed"),
                cancelled.cancellationReasons().stream().map(CancellationReason::code).toList());
        assertFalse(dynamoDb.getItem(r -> r.tableName(table).key(Map.of("pk", s("T#2"), "sk", s("J#2")))).hasItem());

        dynamoDb.transactWriteItems(r -> r.transactItems(
                t -> t.put(p -> p.tableName(table).item(item("T#2", "J#2", 1))),
                t -> t.update(u -> u.tableName(table)
                        .key(Map.of("pk", s("T#2"), "sk", s("J#1")))
                        .updateExpression("SET n = n + :one")
                        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))))));
        assertEquals("2", get("T#2", "J#1").get("n").n());
        assertEquals("1", get("T#2", "J#2").get("n").n());
    }

    private static Map<String, AttributeValue> get(String pk, String sk) {
        return dynamoDb.getItem(r -> r.tableName(table).key(Map.of("pk", s(pk), "sk", s(sk))).consistentRead(true))
                .item();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
