package org.serverlessbench.openwhisk.docker;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class tagged {@code docker} whose methods (and {@code @BeforeAll} methods) may declare a
 * {@link DockerEngine} parameter: one engine per class, closed after it. Without an engine the class is skipped,
 * except under {@code CI=true}, where it fails.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("docker")
@ExtendWith(DockerEngineExtension.class)
@interface DockerTest {
}
