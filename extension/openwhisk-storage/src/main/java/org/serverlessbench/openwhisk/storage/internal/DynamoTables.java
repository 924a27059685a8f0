package org.serverlessbench.openwhisk.storage.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.serverlessbench.openwhisk.storage.NoSqlStorage;
import org.serverlessbench.openwhisk.storage.NoSqlTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** One class's tables: made by {@link #create()}, removed by {@link #delete()}. */
final class DynamoTables implements NoSqlStorage {

    private final DynamoDbClient client;
    private final String endpoint;
    private final Map<String, NoSqlTable> tables;
    private final Map<String, String> names;

    /** @param names logical table name to actual name */
    DynamoTables(DynamoDbClient client, String endpoint, List<NoSqlTable> tables, Map<String, String> names) {
        this.client = client;
        this.endpoint = endpoint;
        this.tables = new LinkedHashMap<>();
        tables.forEach(table -> this.tables.put(table.name(), table));
        this.names = Map.copyOf(names);
    }

    void create() {
        for (NoSqlTable table : tables.values()) {
            List<KeySchemaElement> keys = new ArrayList<>();
            List<AttributeDefinition> attributes = new ArrayList<>();
            keys.add(KeySchemaElement.builder().attributeName(table.partitionKey()).keyType(KeyType.HASH).build());
            attributes.add(stringAttribute(table.partitionKey()));
            if (!table.sortKey().isBlank()) {
                keys.add(KeySchemaElement.builder().attributeName(table.sortKey()).keyType(KeyType.RANGE).build());
                attributes.add(stringAttribute(table.sortKey()));
            }
            client.createTable(request -> request.tableName(names.get(table.name()))
                    .keySchema(keys)
                    .attributeDefinitions(attributes)
                    .billingMode(BillingMode.PAY_PER_REQUEST));
            client.waiter().waitUntilTableExists(request -> request.tableName(names.get(table.name())));
        }
    }

    void delete() {
        for (String name : names.values()) {
            try {
                client.deleteTable(request -> request.tableName(name));
            } catch (ResourceNotFoundException e) {
                // already gone
            }
        }
    }

    Map<String, String> names() {
        return names;
    }

    @Override
    public String tableName(String table) {
        String name = names.get(table);
        if (name == null) {
            throw new IllegalArgumentException("No table '" + table + "' is declared in @OpenWhiskStorage(tables ="
                    + " ...); declared: " + names.keySet());
        }
        return name;
    }

    @Override
    public String endpoint() {
        return endpoint;
    }

    @Override
    public void put(String table, Map<String, Object> item) {
        client.putItem(request -> request.tableName(tableName(table)).item(AttributeValues.toAttributes(item)));
    }

    @Override
    public Optional<Map<String, Object>> get(String table, Map<String, Object> key) {
        Map<String, AttributeValue> item = client.getItem(request -> request.tableName(tableName(table))
                .key(AttributeValues.toAttributes(key)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(AttributeValues.fromAttributes(item));
    }

    @Override
    public List<Map<String, Object>> query(String table, String partitionKeyValue) {
        String partitionKey = tables.get(table) == null ? null : tables.get(table).partitionKey();
        String name = tableName(table);
        List<Map<String, Object>> items = new ArrayList<>();
        client.queryPaginator(request -> request.tableName(name)
                        .keyConditionExpression("#pk = :pk")
                        .expressionAttributeNames(Map.of("#pk", partitionKey))
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partitionKeyValue))))
                .items()
                .forEach(item -> items.add(AttributeValues.fromAttributes(item)));
        return items;
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    @Override
    public String toString() {
        return "NoSqlStorage[" + names + " at " + endpoint + "]";
    }
}
