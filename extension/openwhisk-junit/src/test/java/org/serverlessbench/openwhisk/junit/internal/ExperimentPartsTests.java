package org.serverlessbench.openwhisk.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.serverlessbench.openwhisk.junit.FunctionName;
import org.serverlessbench.openwhisk.junit.InvocationMode;
import org.serverlessbench.openwhisk.junit.LibraryTrigger;
import org.serverlessbench.openwhisk.junit.MemorySizes;
import org.serverlessbench.openwhisk.junit.OpenWhiskFunction;
import org.serverlessbench.openwhisk.report.InvocationRow;

/** The arithmetic and text of experiments, without a target. */
class ExperimentPartsTests {

    @Test
    void payloadSizesAreGeometric() {
        // 1 KB to 1 MB in 8 points: factor 1024^(1/7) per step, rounded to whole bytes; the expected sizes were
        // computed with Python: [round(1024 * 1024 ** (i / 7)) for i in range(8)]
        assertThat(Experiment.geometric(1024, 1024 * 1024, 8))
                .containsExactly(1024L, 2756L, 7420L, 19972L, 53761L, 144715L, 389544L, 1048576L);
        assertThat(Experiment.geometric(100, 100, 1)).containsExactly(100L);
    }

    @Test
    void sizesParseAndFormatInBinaryUnits() {
        assertThat(DataSizeText.parse("1.5KB", "x")).isEqualTo(1536);
        assertThat(DataSizeText.parse(" 2 mb ", "x")).isEqualTo(2 * 1024 * 1024);
        assertThat(DataSizeText.format(1536)).isEqualTo("1.5 KB");
        assertThat(DataSizeText.format(512)).isEqualTo("512 B");
        assertThatThrownBy(() -> DataSizeText.parse("1 GB", "@PayloadSizes on m: attribute 'to'"))
                .hasMessageStartingWith("@PayloadSizes on m: attribute 'to' is \"1 GB\", which is not a size");
    }

    @Test
    void samplesAreRejectedWhenTheirStartContradictsTheMode() {
        assertThat(Recorder.rejection("cold", false)).isEqualTo(InvocationRow.REJECTED_WARM_IN_COLD_MODE);
        assertThat(Recorder.rejection("cold", true)).isNull();
        assertThat(Recorder.rejection("warm", true)).isEqualTo(InvocationRow.REJECTED_COLD_IN_WARM_MODE);
        assertThat(Recorder.rejection("warm", false)).isNull();
        assertThat(Recorder.rejection("burst", true)).isNull();
        assertThat(Recorder.rejection(null, false)).isNull();
    }

    @Test
    void theOffsetComesFromTheExchangeWithTheLeastRoundTrip() {
        // sent at 1000.000 ms, round trip 4 ms, received at 1012 by the function's clock: midpoint 1002, offset +10;
        // the 2 ms exchange (sent 2000, received 2009): midpoint 2001, offset +8, and it wins
        ClockOffset offset = ClockOffset.fromExchanges(List.of(
                new ClockOffset.Exchange(1_000_000, 4_000, 1012),
                new ClockOffset.Exchange(2_000_000, 2_000, 2009),
                new ClockOffset.Exchange(3_000_000, 9_000, 3001)));
        assertThat(offset.correction()).startsWith("min-rtt");
        assertThat(offset.offsetMs()).contains(8.0);
        assertThat(offset.rttMs()).contains(2.0);
        assertThat(ClockOffset.fromExchanges(List.of()).offsetMs()).isEmpty();
    }

    @OpenWhiskFunction(name = "a", code = "src/test/functions/echo-node")
    @OpenWhiskFunction(name = "b", code = "src/test/functions/echo-node")
    static class LockedTestCases {

        @MemorySizes(256)
        void sweep(@FunctionName("a") LibraryTrigger trigger) {
        }

        void plain(@FunctionName("a") LibraryTrigger trigger) {
        }
    }

    @Test
    void anExperimentLocksEveryFunctionInScopeForWriting() throws NoSuchMethodException {
        FunctionLocks locks = new FunctionLocks();
        Method sweep = LockedTestCases.class.getDeclaredMethod("sweep", LibraryTrigger.class);
        Method plain = LockedTestCases.class.getDeclaredMethod("plain", LibraryTrigger.class);

        assertThat(locks.provideForMethod(List.of(), LockedTestCases.class, sweep))
                .extracting(lock -> lock.getKey() + " " + lock.getAccessMode())
                .containsExactlyInAnyOrder(FunctionLocks.KEY_PREFIX + "a READ_WRITE",
                        FunctionLocks.KEY_PREFIX + "b READ_WRITE");
        assertThat(locks.provideForMethod(List.of(), LockedTestCases.class, plain))
                .extracting(lock -> lock.getKey() + " " + lock.getAccessMode())
                .containsExactly(FunctionLocks.KEY_PREFIX + "a READ");
    }

    @Test
    void displayNamesCarryEveryDimensionsValue() {
        Experiment experiment = new Experiment(List.of(256), List.of(), List.of(InvocationMode.WARM), 4, 2,
                Experiment.SamplePlan.ONCE, List.of(Duration.ofSeconds(10)), 1, List.of(2048L));
        assertThat(experiment.points()).hasSize(2).extracting(ExperimentPoint::displayName)
                .containsExactly("[256 MB, warm, trial 1, payload 2 KB, idle 10s]",
                        "[256 MB, warm, trial 2, payload 2 KB, idle 10s]");
        assertThat(ExperimentPoint.format(Duration.ofMillis(1500))).isEqualTo("1.5s");
        assertThat(ExperimentPoint.format(Duration.ofMinutes(2))).isEqualTo("2min");
        assertThat(new Experiment.SamplePlan(0, 30, 1000, 0.05).describe()).isEqualTo("30-1000 samples, ±5 %");
    }
}
