package org.serverlessbench.openwhisk.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.serverlessbench.openwhisk.junit.internal.FunctionLocks;
import org.serverlessbench.openwhisk.junit.internal.OpenWhiskExtension;

/** The container of repeated {@link OpenWhiskFunction} annotations; registers the extension like them. */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
@ExtendWith(OpenWhiskExtension.class)
@ResourceLock(providers = FunctionLocks.class)
public @interface OpenWhiskFunctions {

    OpenWhiskFunction[] value();
}
