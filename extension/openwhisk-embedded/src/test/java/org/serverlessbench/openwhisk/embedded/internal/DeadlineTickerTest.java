package org.serverlessbench.openwhisk.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DeadlineTickerTest {

    @Test
    void runsEveryCheckAgainAndAgainAlsoNextToOneThatFails() throws InterruptedException {
        CountDownLatch ticks = new CountDownLatch(3);
        try (DeadlineTicker.Registration failing = DeadlineTicker.register(() -> {
            throw new IllegalStateException("a failing check");
        });
             DeadlineTicker.Registration counting = DeadlineTicker.register(ticks::countDown)) {

            assertThat(ticks.await(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void namesItsThreadAndMakesItADaemon() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        Thread[] seen = new Thread[1];
        try (DeadlineTicker.Registration check = DeadlineTicker.register(() -> {
            seen[0] = Thread.currentThread();
            ran.countDown();
        })) {
            assertThat(ran.await(30, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(seen[0].getName()).startsWith("openwhisk-deadlines-");
        assertThat(seen[0].isDaemon()).isTrue();
    }
}
