package org.serverlessbench.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.serverlessbench.openwhisk.junit.Invocation;
import org.serverlessbench.openwhisk.junit.LibraryTrigger;
import org.serverlessbench.openwhisk.junit.OpenWhiskFunction;
import org.serverlessbench.openwhisk.junit.OpenWhiskTest;
import org.serverlessbench.openwhisk.junit.Payload;
import org.serverlessbench.openwhisk.junit.PayloadSizes;
import org.serverlessbench.openwhisk.junit.Samples;

/**
 * SeBS's invocation-overhead experiment: client time against payload size, from 1 KB to 512 KB on a geometric
 * scale. The function answers with its receive time; the report entry {@code openwhisk.clockCorrection} says how
 * that time relates to the client's clock (no correction on the embedded target). With
 * {@code -Dopenwhisk.experiments=full} the full-scale method sweeps 1 KB to 1000 KB (just under OpenWhisk's 1 MB
 * limit on a request's parameters) in 8 points, 50 samples each.
 */
@OpenWhiskTest
@OpenWhiskFunction(name = "overhead", code = "src/test/functions/020.invocation-overhead/nodejs")
class PayloadSweepBenchmark {

    // tag::payload-sizes[]
    @PayloadSizes(from = "1KB", to = "512KB", points = 4)
    @Samples(3)
    void payloadSweep(LibraryTrigger trigger, Payload payload) {
        Invocation invocation = trigger.invoke(payload.parameters()).assertSuccess();
        assertThat(invocation.resultMap()).containsEntry("payloadLength", (int) payload.bytes());
    }
    // end::payload-sizes[]

    @PayloadSizes(from = "1KB", to = "1000KB", points = 8)
    @Samples(50)
    @Tag("full-experiments")
    @EnabledIfSystemProperty(named = "openwhisk.experiments", matches = "full")
    void payloadSweepFullScale(LibraryTrigger trigger, Payload payload) {
        Invocation invocation = trigger.invoke(payload.parameters()).assertSuccess();
        assertThat(invocation.resultMap()).containsEntry("payloadLength", (int) payload.bytes());
    }
}
