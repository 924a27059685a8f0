package org.serverlessbench.openwhisk.junit.internal.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClosedLoopTests {

    @Test
    void aCountedLoopRunsExactlyThatOftenOnAllCallersAtOnce() throws Throwable {
        AtomicInteger inProgress = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        // the first three runs wait for each other: they can only meet if the three callers run at once
        CyclicBarrier firstRound = new CyclicBarrier(3);

        int runs = ClosedLoop.run(3, 30, 0, index -> {
            most.accumulateAndGet(inProgress.incrementAndGet(), Math::max);
            threads.add(Thread.currentThread().getName());
            if (index < 3) {
                firstRound.await(60, TimeUnit.SECONDS);
            }
            inProgress.decrementAndGet();
        });

        assertThat(runs).isEqualTo(30);
        assertThat(most.get()).isEqualTo(3);
        assertThat(threads).hasSize(3);
    }

    @Test
    void aTimedLoopStopsStartingRunsWhenTheDurationIsOver() throws Throwable {
        AtomicInteger count = new AtomicInteger();

        int runs = ClosedLoop.run(2, 0, Duration.ofMillis(200).toNanos(), index -> count.incrementAndGet());

        assertThat(runs).isEqualTo(count.get()).isPositive();
    }

    @Test
    void theFirstFailureStopsTheCallersAndIsThrown() {
        IllegalStateException failure = new IllegalStateException("run 5 failed");
        AtomicInteger count = new AtomicInteger();

        assertThatThrownBy(() -> ClosedLoop.run(1, 1000, 0, index -> {
            count.incrementAndGet();
            if (index == 5) {
                throw failure;
            }
        })).isSameAs(failure);
        assertThat(count.get()).isEqualTo(6);
    }
}
