package org.serverlessbench.openwhisk.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTests {

    @Test
    void readsEveryUnit() {
        assertThat(DurationText.parse("800us", "x")).isEqualTo(Duration.ofNanos(800_000));
        assertThat(DurationText.parse("50ms", "x")).isEqualTo(Duration.ofMillis(50));
        assertThat(DurationText.parse(" 1.5 s ", "x")).isEqualTo(Duration.ofMillis(1500));
        assertThat(DurationText.parse("2min", "x")).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void namesTheAttributeAndTheFormWhenUnreadable() {
        assertThatThrownBy(() -> DurationText.parse("50", "@Threshold(...) on T#m: attribute 'max'"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("@Threshold(...) on T#m: attribute 'max' is \"50\", which is not a duration; write a"
                        + " number and a unit: us, ms, s or min, for example \"50ms\" or \"1.5s\"");
    }
}
