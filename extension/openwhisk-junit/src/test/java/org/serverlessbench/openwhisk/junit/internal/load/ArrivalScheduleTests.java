package org.serverlessbench.openwhisk.junit.internal.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArrivalScheduleTests {

    @Test
    void fixedArrivalsAreEquallySpacedAndAllBeforeTheEnd() {
        ArrivalSchedule schedule = ArrivalSchedule.fixed(500, Duration.ofSeconds(20));

        assertThat(schedule.size()).isEqualTo(10_000);
        assertThat(schedule.offsetNanos(0)).isZero();
        assertThat(schedule.offsetNanos(1)).isEqualTo(2_000_000);
        assertThat(schedule.offsetNanos(9_999)).isEqualTo(19_998_000_000L);
        assertThat(schedule.rate()).isCloseTo(500, org.assertj.core.data.Offset.offset(1e-9));
        // a rate whose gap is not a whole number of nanoseconds: offsets are rounded, never accumulated
        ArrivalSchedule third = ArrivalSchedule.fixed(3, Duration.ofSeconds(1));
        assertThat(offsets(third))
                .containsExactly(0L, 333_333_333L, 666_666_667L);
    }

    @Test
    void poissonArrivalsRepeatWithTheSeedAndHaveTheRateOnAverage() {
        ArrivalSchedule first = ArrivalSchedule.poisson(100, Duration.ofSeconds(100), 7);
        ArrivalSchedule again = ArrivalSchedule.poisson(100, Duration.ofSeconds(100), 7);
        ArrivalSchedule other = ArrivalSchedule.poisson(100, Duration.ofSeconds(100), 8);

        assertThat(offsets(again)).containsExactly(offsets(first));
        assertThat(other.offsetNanos(0)).isNotEqualTo(first.offsetNanos(0));
        // 10 000 expected arrivals; the count of a Poisson process has sd √10 000 = 100: 5 sd either side
        assertThat(first.size()).isBetween(9_500, 10_500);
        long[] gaps = IntStream.range(1, first.size()).mapToLong(i -> first.offsetNanos(i) - first.offsetNanos(i - 1))
                .toArray();
        assertThat(java.util.Arrays.stream(gaps).min().orElseThrow()).isNotNegative();
        // exponential gaps: P(gap > mean) = e^-1 = 0.368, sd of the share over ~10 000 gaps is 0.0048; 5 sd
        double longer = java.util.Arrays.stream(gaps).filter(gap -> gap > 10_000_000).count() / (double) gaps.length;
        assertThat(longer).isBetween(0.368 - 0.024, 0.368 + 0.024);
        assertThat(first.offsetNanos(first.size() - 1)).isLessThan(100_000_000_000L);
    }

    @Test
    void aTraceFileGivesOffsetsInMillisecondsSkippingBlankLinesAndComments(@TempDir Path folder) throws IOException {
        Path trace = Files.writeString(folder.resolve("trace.csv"), "# offsets\n0\n\n1.5\n  1.5  \n# end\n1000\n");

        ArrivalSchedule schedule = ArrivalSchedule.trace(trace);

        assertThat(offsets(schedule))
                .containsExactly(0L, 1_500_000L, 1_500_000L, 1_000_000_000L);
    }

    @Test
    void aBadTraceFileIsRefusedNamingTheLine(@TempDir Path folder) throws IOException {
        Path decreasing = Files.writeString(folder.resolve("decreasing.csv"), "0\n5\n4\n");
        Path text = Files.writeString(folder.resolve("text.csv"), "0\nsoon\n");
        Path negative = Files.writeString(folder.resolve("negative.csv"), "-1\n");
        Path empty = Files.writeString(folder.resolve("empty.csv"), "# nothing\n");

        assertThatThrownBy(() -> ArrivalSchedule.trace(decreasing)).hasMessage(decreasing
                + " line 3: 4 ms comes before the previous arrival; offsets must not decrease");
        assertThatThrownBy(() -> ArrivalSchedule.trace(text)).hasMessage(text + " line 2: \"soon\" is not an offset"
                + " in milliseconds from 0 to 86400000 (one per line, e.g. 12.5)");
        assertThatThrownBy(() -> ArrivalSchedule.trace(negative)).hasMessageContaining("line 1: \"-1\" is not");
        assertThatThrownBy(() -> ArrivalSchedule.trace(empty)).hasMessageEndingWith("has no arrivals; write one"
                + " offset in milliseconds per line");
        assertThatThrownBy(() -> ArrivalSchedule.trace(folder.resolve("missing.csv")))
                .hasMessageContaining("missing.csv cannot be read");
    }

    private static long[] offsets(ArrivalSchedule schedule) {
        return IntStream.range(0, schedule.size()).mapToLong(schedule::offsetNanos).toArray();
    }
}
