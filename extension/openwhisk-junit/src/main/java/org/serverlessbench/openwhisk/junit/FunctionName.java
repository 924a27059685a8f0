package org.serverlessbench.openwhisk.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Selects, by {@link OpenWhiskFunction#name()}, the function an injected trigger or function handle belongs to. */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface FunctionName {

    /** The function's name as declared in {@link OpenWhiskFunction#name()}. */
    String value();
}
