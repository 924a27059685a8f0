package org.serverlessbench.openwhisk.storage.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.serverlessbench.openwhisk.junit.FunctionParameterContributor;

/**
 * Binds SeBS's storage parameters to every function of a class with {@code @OpenWhiskStorage}, exactly as SeBS's
 * OpenWhisk deployment passes them (its wrappers move them into the environment).
 */
public final class StorageParameters implements FunctionParameterContributor {

    public static final String OBJECT_URL = "MINIO_STORAGE_CONNECTION_URL";
    public static final String OBJECT_ACCESS_KEY = "MINIO_STORAGE_ACCESS_KEY";
    public static final String OBJECT_SECRET_KEY = "MINIO_STORAGE_SECRET_KEY";
    public static final String NOSQL_TYPE = "NOSQL_STORAGE_TYPE";
    public static final String NOSQL_ENDPOINT = "NOSQL_STORAGE_ENDPOINT";
    public static final String NOSQL_TABLE_PREFIX = "NOSQL_STORAGE_TABLE_";

    @Override
    public Map<String, Object> parameters(String functionName, ExtensionContext context) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        StorageExtension.classStorage(context).ifPresent(storage -> {
            StorageServices services = StorageExtension.services(context);
            storage.objects().ifPresent(objects -> {
                Credentials credentials = services.object().credentials();
                parameters.put(OBJECT_URL, objects.endpoint());
                parameters.put(OBJECT_ACCESS_KEY, credentials.accessKey());
                parameters.put(OBJECT_SECRET_KEY, credentials.secretKey());
            });
            storage.tables().ifPresent(tables -> {
                parameters.put(NOSQL_TYPE, "scylladb");
                parameters.put(NOSQL_ENDPOINT, tables.endpoint());
                tables.names().forEach((logical, actual) -> parameters.put(NOSQL_TABLE_PREFIX + logical, actual));
            });
        });
        return parameters;
    }
}
