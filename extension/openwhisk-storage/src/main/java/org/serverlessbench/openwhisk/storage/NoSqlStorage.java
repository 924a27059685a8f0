package org.serverlessbench.openwhisk.storage;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The run's tables of a test class with {@code @OpenWhiskStorage(tables = ...)}, injected into test and lifecycle
 * methods. Items are maps of strings, numbers, booleans, lists and maps, as DynamoDB's document model.
 */
public interface NoSqlStorage {

    /** The actual name of logical table {@code table}, as bound in {@code NOSQL_STORAGE_TABLE_<table>}. */
    String tableName(String table);

    /** {@code host:port} of the service, as the function sees it in {@code NOSQL_STORAGE_ENDPOINT}. */
    String endpoint();

    void put(String table, Map<String, Object> item);

    /** The item with these key attributes, if present. */
    Optional<Map<String, Object>> get(String table, Map<String, Object> key);

    /** Every item whose partition key is {@code partitionKeyValue}. */
    List<Map<String, Object>> query(String table, String partitionKeyValue);
}
