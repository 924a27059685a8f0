package org.serverlessbench.openwhisk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.serverlessbench.openwhisk.report.Comparison.Verdict;

class ComparisonTest {

    /** n values around {@code centreUs} with ±20 % uniform noise and one outlier in ten, seeded. */
    private static long[] noisy(long seed, int n, long centreUs) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            double noise = 0.8 + 0.4 * random.nextDouble();
            values[i] = Math.round(centreUs * noise * (i % 10 == 0 ? 3 : 1));
        }
        return values;
    }

    @Test
    void aDoubledMedianIsARegression() {
        Comparison comparison = Comparison.of(noisy(1, 30, 10_000), noisy(2, 30, 20_000), 0.10);

        assertThat(comparison.verdict()).isEqualTo(Verdict.REGRESSED);
        assertThat(comparison.ratio()).isBetween(1.7, 2.3);
        assertThat(comparison.pValue()).isLessThan(1e-6);
        assertThat(comparison.describe()).startsWith("regressed: median ").contains("x the baseline");
    }

    @Test
    void aHalvedMedianIsAnImprovement() {
        assertThat(Comparison.of(noisy(3, 30, 20_000), noisy(4, 30, 10_000), 0.10).verdict())
                .isEqualTo(Verdict.IMPROVED);
    }

    @Test
    void rerunsOfTheSameNoisyDistributionAreNotFlagged() {
        long[] baseline = noisy(100, 30, 10_000);
        for (long seed = 101; seed <= 120; seed++) {
            assertThat(Comparison.of(baseline, noisy(seed, 30, 10_000), 0.10).verdict()).as("seed %d", seed)
                    .isEqualTo(Verdict.UNCHANGED);
        }
    }

    @Test
    void aSignificantButSmallShiftIsUnchanged() {
        // 5 % slower with 1000 samples: significant, but below the 10 % that counts
        Comparison comparison = Comparison.of(noisy(5, 1000, 10_000), noisy(6, 1000, 10_500), 0.10);

        assertThat(comparison.pValue()).isLessThan(Comparison.SIGNIFICANCE);
        assertThat(comparison.verdict()).isEqualTo(Verdict.UNCHANGED);
    }

    @Test
    void tinySamplesGetNoVerdict() {
        Comparison comparison = Comparison.of(new long[] {1, 2, 3}, new long[] {10, 20, 30}, 0.10);

        assertThat(comparison.verdict()).isEqualTo(Verdict.TOO_FEW_SAMPLES);
        assertThat(comparison.describe()).contains("too few samples");
    }
}
