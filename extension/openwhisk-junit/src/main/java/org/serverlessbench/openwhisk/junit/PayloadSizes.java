package org.serverlessbench.openwhisk.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.extension.ExtendWith;
import org.serverlessbench.openwhisk.junit.internal.ExperimentTemplates;
import org.serverlessbench.openwhisk.junit.internal.OpenWhiskExtension;

/**
 * An experiment dimension for SeBS's invocation-overhead experiment: the test runs once per payload size, at
 * {@link #points()} sizes spaced geometrically from {@link #from()} to {@link #to()}, and gets a {@link Payload}
 * parameter of that size to send. Rows carry {@code payloadBytes}. A function that returns its receive time as
 * {@code receivedAt} (epoch milliseconds) lets the figures be read against the client's send time: on a remote
 * target the clock offset is estimated before the first run by the minimum round-trip method and published as report
 * entries ({@link ReportKeys#CLOCK_CORRECTION}); on the embedded target no correction is needed, and the entry says
 * so. See {@code docs/experiments.md}.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@Execution(ExecutionMode.SAME_THREAD)
@ExtendWith({OpenWhiskExtension.class, ExperimentTemplates.class})
public @interface PayloadSizes {

    /** The smallest size: a number and a unit, {@code B}, {@code KB} (1024 B) or {@code MB} (1024 KB). */
    String from();

    /** The largest size, in the same form; at least {@link #from()}. */
    String to();

    /** The number of sizes, at least 2 (or 1 when from equals to). */
    int points();
}
