package org.serverlessbench.openwhisk.storage;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.serverlessbench.openwhisk.storage.internal.StorageExtension;

/**
 * The storage the functions of a test class use, as a SeBS benchmark declares it: every {@code @OpenWhiskFunction}
 * of the class (and of its methods) gets SeBS's storage parameters bound, and tests get {@link ObjectStorage} and
 * {@link NoSqlStorage} parameters. A bucket and the tables are made for the class in each run and removed after it
 * (see {@link StorageKeys#CLEANUP}). See {@code docs/storage-object.md} and {@code docs/storage-nosql.md}.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
@ExtendWith(StorageExtension.class)
public @interface OpenWhiskStorage {

    /** The benchmark's name, for example {@code 311.compression}: it names the input and output prefixes. */
    String benchmark();

    /** Object storage: binds {@code MINIO_STORAGE_CONNECTION_URL}, {@code _ACCESS_KEY} and {@code _SECRET_KEY}. */
    boolean object() default false;

    /**
     * NoSQL tables: binds {@code NOSQL_STORAGE_TYPE}, {@code NOSQL_STORAGE_ENDPOINT} and one
     * {@code NOSQL_STORAGE_TABLE_<name>} per table, naming the table made for this run.
     */
    NoSqlTable[] tables() default {};
}
