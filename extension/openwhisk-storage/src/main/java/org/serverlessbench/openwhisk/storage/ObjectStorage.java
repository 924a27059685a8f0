package org.serverlessbench.openwhisk.storage;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The run's bucket of a test class with {@code @OpenWhiskStorage(object = true)}, injected into test and lifecycle
 * methods. Keys follow SeBS: inputs under {@link #inputPrefix()}, outputs under {@link #outputPrefix()}.
 */
public interface ObjectStorage {

    /** The bucket made for this class in this run. */
    String bucket();

    /** {@code <benchmark>-0-input}: where inputs are uploaded. */
    String inputPrefix();

    /** {@code <benchmark>-0-output}: where the function writes. */
    String outputPrefix();

    /** SeBS's {@code bucket} input field: {@code {"bucket": ..., "input": ..., "output": ...}}. */
    Map<String, Object> sebsBucket();

    /** {@code host:port} of the service, as the function sees it in {@code MINIO_STORAGE_CONNECTION_URL}. */
    String endpoint();

    void put(String key, byte[] content);

    void put(String key, Path file);

    /** The object's content; an {@link IllegalStateException} naming bucket and key when it does not exist. */
    byte[] get(String key);

    /** The keys starting with {@code prefix}, sorted. */
    List<String> list(String prefix);
}
