package org.serverlessbench.openwhisk.junit.internal.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class OpenLoopTests {

    private static final long GRACE = TimeUnit.MILLISECONDS.toNanos(10);

    @Test
    void everyArrivalStartsOnceNeverBeforeItsDeadline() throws Throwable {
        ArrivalSchedule schedule = ArrivalSchedule.fixed(1000, Duration.ofMillis(500));
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        long[] startedAt = new long[schedule.size()];

        OpenLoop.Outcome outcome = OpenLoop.run(schedule, 64, Duration.ofSeconds(5).toNanos(),
                (index, deadline) -> {
                    startedAt[index] = System.nanoTime();
                    assertThat(seen.add(index)).isTrue();
                });

        assertThat(outcome.started()).isEqualTo(500);
        assertThat(outcome.dropped()).isZero();
        assertThat(seen).hasSize(500);
        for (int i = 0; i < schedule.size(); i++) {
            long deadline = outcome.startNanos() + schedule.offsetNanos(i);
            assertThat(startedAt[i] - deadline).as("start of arrival %d after its deadline", i).isNotNegative();
            assertThat(outcome.lagNanos()[i]).isNotNegative().isLessThanOrEqualTo(startedAt[i] - deadline);
        }
        assertThat(outcome.achievedRate()).isPositive();
    }

    @Test
    void arrivalsNoCallerIsFreeForAreDroppedAndCounted() throws Throwable {
        ArrivalSchedule schedule = ArrivalSchedule.fixed(100, Duration.ofMillis(500));
        AtomicInteger runs = new AtomicInteger();

        OpenLoop.Outcome outcome = OpenLoop.run(schedule, 1, GRACE, (index, deadline) -> {
            runs.incrementAndGet();
            if (index == 0) {
                // the only caller stays busy until every other arrival is past its grace
                long last = deadline + schedule.offsetNanos(schedule.size() - 1) + 2 * GRACE;
                while (System.nanoTime() - last < 0) {
                    LockSupport.parkNanos(last - System.nanoTime());
                }
            }
        });

        assertThat(runs.get()).isEqualTo(1);
        assertThat(outcome.started()).isEqualTo(1);
        assertThat(outcome.dropped()).isEqualTo(49);
        assertThat(Arrays.stream(outcome.lagNanos()).filter(lag -> lag < 0)).hasSize(49);
    }

    @Test
    void theFirstFailureStopsTheScheduleAndIsThrown() {
        ArrivalSchedule schedule = ArrivalSchedule.fixed(100, Duration.ofSeconds(10));
        AtomicInteger runs = new AtomicInteger();
        IllegalStateException failure = new IllegalStateException("run 3 failed");

        assertThatThrownBy(() -> OpenLoop.run(schedule, 4, GRACE, (index, deadline) -> {
            runs.incrementAndGet();
            if (index == 3) {
                throw failure;
            }
        })).isSameAs(failure);
        // 1000 arrivals over 10 s: the failure at 30 ms stopped the schedule. Fewer than 4 runs happen when a caller
        // waiting for an earlier arrival got its CPU only after the failure had stopped the schedule.
        assertThat(runs.get()).isBetween(1, 999);
    }

    @Test
    void anInterruptStopsTheScheduleAndTheRunsInProgress() throws InterruptedException {
        ArrivalSchedule schedule = ArrivalSchedule.fixed(100, Duration.ofSeconds(60));
        CountDownLatch running = new CountDownLatch(2);
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger interruptedRuns = new AtomicInteger();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread test = new Thread(() -> {
            try {
                OpenLoop.run(schedule, 2, Duration.ofSeconds(60).toNanos(), (index, deadline) -> {
                    running.countDown();
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        interruptedRuns.incrementAndGet();
                        throw e;
                    }
                });
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        test.start();
        running.await();

        test.interrupt();
        test.join(TimeUnit.SECONDS.toMillis(60));

        assertThat(test.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        assertThat(interruptedRuns.get()).isEqualTo(2);
    }
}
