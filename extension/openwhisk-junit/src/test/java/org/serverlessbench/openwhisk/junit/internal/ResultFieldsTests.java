package org.serverlessbench.openwhisk.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ResultFieldsTests {

    @Test
    void benchmarkTimeFromSecMicrosStrings() {
        assertThat(ResultFields.benchmarkTimeUs(Map.of("begin", "1700000000.100000", "end", "1700000000.350500")))
                .hasValue(250_500);
    }

    @Test
    void benchmarkTimeFromNumbers() {
        assertThat(ResultFields.benchmarkTimeUs(Map.of("begin", 1700000000.25, "end", 1700000001.5)))
                .hasValue(1_250_000);
        assertThat(ResultFields.benchmarkTimeUs(Map.of("begin", 10, "end", 12))).hasValue(2_000_000);
    }

    @Test
    void noBenchmarkTimeWithoutBothNumbersInOrder() {
        assertThat(ResultFields.benchmarkTimeUs(Map.of("begin", "1.0"))).isEqualTo(OptionalLong.empty());
        assertThat(ResultFields.benchmarkTimeUs(Map.of("begin", "x", "end", "2.0"))).isEmpty();
        assertThat(ResultFields.benchmarkTimeUs(Map.of("begin", 3, "end", 2))).isEmpty();
        assertThat(ResultFields.benchmarkTimeUs(List.of(1, 2))).isEmpty();
        assertThat(ResultFields.benchmarkTimeUs(null)).isEmpty();
    }

    @Test
    void coldFromIsColdField() {
        assertThat(ResultFields.reportsCold(Map.of("is_cold", true))).isTrue();
        assertThat(ResultFields.reportsCold(Map.of("is_cold", "true"))).isTrue();
        assertThat(ResultFields.reportsCold(Map.of("is_cold", false))).isFalse();
        assertThat(ResultFields.reportsCold(Map.of("other", true))).isFalse();
        assertThat(ResultFields.reportsCold("is_cold")).isFalse();
    }
}
