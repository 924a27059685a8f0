package org.serverlessbench.openwhisk.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.serverlessbench.openwhisk.junit.internal.OpenWhiskExtension;

/**
 * Turns a test class into an OpenWhisk benchmark: the functions declared with {@link OpenWhiskFunction} are deployed
 * before the tests, triggers are injected into test methods, and every invocation is reported.
 *
 * <p>The target is the embedded OpenWhisk unless {@code openwhisk.target=remote} is configured
 * (see {@link ConfigurationKeys}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
@ExtendWith(OpenWhiskExtension.class)
public @interface OpenWhiskTest {

    /**
     * When true, a remote OpenWhisk that cannot be reached (or is not configured) skips the class with the reason,
     * instead of failing it. Has no effect on the embedded target, which is always available.
     */
    boolean disabledWithoutOpenWhisk() default false;
}
