package org.serverlessbench.openwhisk.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Every measured invocation in this test starts in a new container. Before each one the action is updated to a new
 * revision (OpenWhisk never reuses a container across revisions); if the activation still reports no
 * {@code initTime}, the action is deleted and recreated once and the invocation repeated; if that is warm too, the
 * test fails. Cannot be combined with {@link Warmup}.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ColdStart {
}
