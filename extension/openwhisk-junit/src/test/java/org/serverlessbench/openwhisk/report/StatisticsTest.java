package org.serverlessbench.openwhisk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Test
    void nearestRankPercentilesAreMeasuredValues() {
        Statistics statistics = Statistics.of(new long[] {50, 15, 40, 20, 35});

        assertThat(statistics.percentile(5)).isEqualTo(15);
        assertThat(statistics.percentile(30)).isEqualTo(20);
        assertThat(statistics.percentile(40)).isEqualTo(20);
        assertThat(statistics.p50()).isEqualTo(35);
        assertThat(statistics.p95()).isEqualTo(50);
        assertThat(statistics.percentile(100)).isEqualTo(50);
        assertThat(statistics.min()).isEqualTo(15);
        assertThat(statistics.max()).isEqualTo(50);
        assertThat(statistics.mean()).isCloseTo(32.0, within(1e-9));
        assertThat(statistics.count()).isEqualTo(5);
    }

    @Test
    void wholePercentagesOfRoundCountsHitTheExactRank() {
        Statistics twenty = Statistics.of(LongStream.rangeClosed(1, 20).toArray());
        Statistics hundred = Statistics.of(LongStream.rangeClosed(1, 100).map(v -> 101 - v).toArray());

        assertThat(twenty.p95()).isEqualTo(19);
        assertThat(twenty.p50()).isEqualTo(10);
        assertThat(hundred.p50()).isEqualTo(50);
        assertThat(hundred.p95()).isEqualTo(95);
        assertThat(hundred.p99()).isEqualTo(99);
    }

    @Test
    void singleValueIsEveryPercentile() {
        Statistics one = Statistics.of(new long[] {7});

        assertThat(one.p50()).isEqualTo(7);
        assertThat(one.p99()).isEqualTo(7);
        assertThat(one.percentile(0.1)).isEqualTo(7);
    }

    @Test
    void leavesTheCallersArrayAlone() {
        long[] values = {3, 1, 2};

        Statistics.of(values);

        assertThat(values).containsExactly(3, 1, 2);
    }

    @Test
    void emptySampleHasACountButNoPercentiles() {
        Statistics empty = Statistics.of(new long[0]);

        assertThat(empty.count()).isZero();
        assertThat(empty.isEmpty()).isTrue();
        assertThatThrownBy(empty::p50).isInstanceOf(IllegalStateException.class).hasMessageContaining("No values");
        assertThatThrownBy(empty::mean).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rejectsPercentagesOutsideTheRange() {
        Statistics statistics = Statistics.of(new long[] {1, 2});

        assertThatThrownBy(() -> statistics.percentile(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(0, 100]");
        assertThatThrownBy(() -> statistics.percentile(100.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
