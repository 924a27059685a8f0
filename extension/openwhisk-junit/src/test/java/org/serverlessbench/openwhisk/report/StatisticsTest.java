package org.serverlessbench.openwhisk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class StatisticsTest {

    /**
     * 30 values {@code (37 i mod 101) + 100} for i = 1..30. Expected figures computed with Python 3.11's
     * {@code statistics} module (mean, stdev, pstdev, median) and Student's t quantiles from the tables
     * (t(0.975, 29) = 2.045229642, t(0.995, 29) = 2.756385904); Le Boudec's ranks by hand:
     * 95 %: j = floor(15 - 0.98 sqrt 30) = 9, k = ceil(16 + 0.98 sqrt 30) = 22; 99 %: j = 7, k = 24.
     */
    private static final long[] THIRTY = IntStream.rangeClosed(1, 30).mapToLong(i -> (i * 37L) % 101 + 100).toArray();

    @Test
    void descriptiveFiguresMatchAnIndependentComputation() {
        Statistics statistics = Statistics.of(THIRTY);

        assertThat(statistics.mean()).isCloseTo(151.666666667, within(1e-6));
        assertThat(statistics.median()).isCloseTo(151.5, within(1e-9));
        assertThat(statistics.standardDeviation()).isCloseTo(29.594190172, within(1e-6));
        assertThat(statistics.coefficientOfVariation()).isCloseTo(0.195126529, within(1e-6));
        assertThat(statistics.p90()).isEqualTo(190);
        assertThat(statistics.p999()).isEqualTo(200);
    }

    @Test
    void meanIntervalIsStudentsT() {
        Statistics statistics = Statistics.of(THIRTY);

        ConfidenceInterval ci95 = statistics.meanInterval(ConfidenceLevel.NINETY_FIVE).orElseThrow();
        ConfidenceInterval ci99 = statistics.meanInterval(ConfidenceLevel.NINETY_NINE).orElseThrow();

        assertThat(ci95.lower()).isCloseTo(140.616014444, within(1e-6));
        assertThat(ci95.upper()).isCloseTo(162.717318889, within(1e-6));
        assertThat(ci99.lower()).isCloseTo(136.773541031, within(1e-6));
        assertThat(ci99.upper()).isCloseTo(166.559792302, within(1e-6));
    }

    @Test
    void meanIntervalOfTenValues() {
        // Python: statistics.stdev([12,15,11,19,14,13,18,16,17,10]) = 3.027650354; t(0.975, 9) = 2.262157163
        Statistics statistics = Statistics.of(new long[] {12, 15, 11, 19, 14, 13, 18, 16, 17, 10});

        ConfidenceInterval ci = statistics.meanInterval(ConfidenceLevel.NINETY_FIVE).orElseThrow();

        assertThat(ci.lower()).isCloseTo(12.334149411, within(1e-6));
        assertThat(ci.upper()).isCloseTo(16.665850590, within(1e-6));
    }

    @Test
    void medianIntervalUsesLeBoudecsOneBasedOrderStatistics() {
        Statistics statistics = Statistics.of(THIRTY);

        ConfidenceInterval ci95 = statistics.medianInterval(ConfidenceLevel.NINETY_FIVE).orElseThrow();
        ConfidenceInterval ci99 = statistics.medianInterval(ConfidenceLevel.NINETY_NINE).orElseThrow();

        // X(9) and X(22) of the sorted sample; SeBS's 0-based indexing would give 133 and 177
        assertThat(ci95.lower()).isEqualTo(130);
        assertThat(ci95.upper()).isEqualTo(174);
        assertThat(ci99.lower()).isEqualTo(123);
        assertThat(ci99.upper()).isEqualTo(180);
        assertThat(ci95.contains(statistics.median())).isTrue();
    }

    @Test
    void smallSamplesHaveNoMedianIntervalAndSingleValuesNoMeanInterval() {
        assertThat(Statistics.of(LongStream.rangeClosed(1, 20).toArray()).medianInterval(ConfidenceLevel.NINETY_FIVE))
                .isEmpty();
        assertThat(Statistics.of(LongStream.rangeClosed(1, 21).toArray()).medianInterval(ConfidenceLevel.NINETY_FIVE))
                .isPresent();
        assertThat(Statistics.of(new long[] {5}).meanInterval(ConfidenceLevel.NINETY_FIVE)).isEmpty();
        assertThat(Statistics.of(new long[] {5}).standardDeviation()).isZero();
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddlePair() {
        assertThat(Statistics.of(new long[] {4, 1, 3, 2}).median()).isEqualTo(2.5);
        assertThat(Statistics.of(new long[] {4, 1, 3, 2}).p50()).isEqualTo(2);
    }

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

    /**
     * Wilson score intervals computed independently with Python 3.11: z from {@code statistics.NormalDist()
     * .inv_cdf(0.975)} (1.959964) and {@code inv_cdf(0.995)} (2.575829), then the textbook formula with
     * {@code math.sqrt}. The 95 % figures for 0, 1 and 5 of 10 also match the published table of Brown, Cai and
     * DasGupta (2001): [0, 0.2775], [0.0179, 0.4042], [0.2366, 0.7634].
     */
    @Test
    void wilsonIntervalMatchesAnIndependentComputation() {
        assertWilson(0, 10, ConfidenceLevel.NINETY_FIVE, 0.0, 0.277533);
        assertWilson(1, 10, ConfidenceLevel.NINETY_FIVE, 0.017876, 0.404150);
        assertWilson(5, 10, ConfidenceLevel.NINETY_FIVE, 0.236593, 0.763407);
        assertWilson(10, 10, ConfidenceLevel.NINETY_FIVE, 0.722467, 1.0);
        assertWilson(7, 40, ConfidenceLevel.NINETY_FIVE, 0.087454, 0.319500);
        assertWilson(3, 3, ConfidenceLevel.NINETY_FIVE, 0.438503, 1.0);
        assertWilson(1, 10, ConfidenceLevel.NINETY_NINE, 0.011852, 0.507232);
        assertWilson(7, 40, ConfidenceLevel.NINETY_NINE, 0.070644, 0.371833);
        assertWilson(0, 10, ConfidenceLevel.NINETY_NINE, 0.0, 0.398854);

        assertThatThrownBy(() -> Statistics.wilson(0, 0, ConfidenceLevel.NINETY_FIVE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 of 0");
        assertThatThrownBy(() -> Statistics.wilson(3, 2, ConfidenceLevel.NINETY_FIVE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertWilson(int successes, int trials, ConfidenceLevel level, double lower, double upper) {
        ConfidenceInterval interval = Statistics.wilson(successes, trials, level);
        assertThat(interval.lower()).as("lower of %d/%d", successes, trials).isCloseTo(lower, within(1e-6));
        assertThat(interval.upper()).as("upper of %d/%d", successes, trials).isCloseTo(upper, within(1e-6));
    }
}
