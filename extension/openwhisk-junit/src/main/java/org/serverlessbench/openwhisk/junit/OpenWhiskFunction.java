package org.serverlessbench.openwhisk.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.serverlessbench.openwhisk.junit.internal.FunctionLocks;
import org.serverlessbench.openwhisk.junit.internal.OpenWhiskExtension;

/**
 * A function to deploy as an OpenWhisk action: on a test class it is deployed once before the class's tests and
 * removed after them; on a test method only for that method. Every attribute is validated before anything is
 * deployed. Functions of a superclass are inherited; a subclass replaces one by declaring a function of the same
 * name. The annotation registers the extension by itself, so {@link OpenWhiskTest} is optional. See
 * {@code docs/annotations.md}.
 */
@Repeatable(OpenWhiskFunctions.class)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
@ExtendWith(OpenWhiskExtension.class)
@ResourceLock(providers = FunctionLocks.class)
public @interface OpenWhiskFunction {

    /** The function's name, unique per test class; the action is called {@code <openwhisk.prefix><name>}. */
    String name();

    /**
     * The runtime kind, for example {@code nodejs:20}, {@code python:3.11} or {@code java:8}. When empty it is
     * inferred: {@code .js} or a folder with {@code package.json}/{@code index.js} is {@code nodejs:default},
     * {@code .py} or a folder with {@code __main__.py} is {@code python:default}, {@code .jar} or
     * {@link #mainClass()} is {@code java:default}.
     */
    String kind() default "";

    /** A file or folder relative to the module directory; folders are zipped as OpenWhisk expects. */
    String code() default "";

    /**
     * For Java: a class on the test classpath whose package (with subpackages) is packed into the action's jar.
     * {@link #main()} defaults to this class's name.
     */
    Class<?> mainClass() default void.class;

    /** The entry point: a function name for Node.js and Python (default {@code main}), a class name for Java. */
    String main() default "";

    /** Memory limit in MB, within the target's limits. */
    int memory() default 256;

    /** Time limit in milliseconds, within the target's limits. */
    int timeout() default 60_000;

    /**
     * {@code limits.concurrency}: how many activations one container may run at once, within the target's limits
     * (OpenWhisk's default allows only 1; the embedded OpenWhisk up to 500, for nodejs kinds). Above 1 the activation
     * records carry no logs.
     */
    int concurrency() default 1;

    /** Default parameters bound to the action, as {@code "key=value"}; a value that parses as JSON is JSON. */
    String[] parameters() default {};

    /** Extra action annotations, as {@code "key=value"}; a value that parses as JSON is JSON. */
    String[] annotations() default {};

    /**
     * The SeBS benchmark this function implements, such as {@code 311.compression}, recorded with every invocation.
     * When empty: the first folder of {@link #code()} named like one ({@code 3 digits.name}), else none.
     */
    String benchmark() default "";

    /** Export as a web action ({@code web-export=true}), as SeBS does; needed by {@link HttpTrigger}. */
    boolean web() default true;

    /**
     * Deploy as a Docker-image ({@code blackbox}) action with this image; {@link #kind()} then names the runtime the
     * image is built on. Unset (the default): a code action.
     */
    DockerImage image() default @DockerImage;
}
