package org.serverlessbench.openwhisk.storage;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A table of {@link OpenWhiskStorage#tables()}: its logical name and string keys, as SeBS's {@code allocate_nosql}. */
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface NoSqlTable {

    /** The logical name the function uses, for example {@code shopping_cart}. */
    String name();

    /** The partition (hash) key attribute, a string. */
    String partitionKey();

    /** The sort (range) key attribute, a string; empty for none. */
    String sortKey() default "";
}
