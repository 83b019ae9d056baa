package io.eddy.nexmark.model;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hand-written timestamp text codec must agree with java.time on every representable millisecond. */
class TimestampsTest {

    private static final DateTimeFormatter REFERENCE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS");

    @Test
    void formatsTheNexmarkBaseTime() {
        assertThat(Timestamps.format(1_436_918_400_000L)).isEqualTo("2015-07-15 00:00:00.000");
        assertThat(Timestamps.format(1_436_918_400_000L + 86_399_999L)).isEqualTo("2015-07-15 23:59:59.999");
        assertThat(Timestamps.formatDate(1_436_918_400_000L - 1)).isEqualTo("2015-07-14");
    }

    @Test
    void agreesWithJavaTimeBothWaysOverManyYears() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            long millis = random.nextLong(-62_167_219_200_000L, 253_402_300_800_000L);
            String expected = LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000),
                    (int) Math.floorMod(millis, 1000) * 1_000_000, ZoneOffset.UTC).format(REFERENCE);
            assertThat(Timestamps.format(millis)).isEqualTo(expected);
            assertThat(Timestamps.parse(expected)).isEqualTo(millis);
        }
    }

    @Test
    void rejectsMalformedAndImpossibleTimes() {
        assertThatThrownBy(() -> Timestamps.parse("2015-07-15T00:00:00.000")).hasMessageContaining("not yyyy-MM-dd");
        assertThatThrownBy(() -> Timestamps.parse("2015-07-15 00:00:00")).hasMessageContaining("not yyyy-MM-dd");
        assertThatThrownBy(() -> Timestamps.parse("2015-02-29 00:00:00.000")).hasMessageContaining("not a valid");
        assertThatThrownBy(() -> Timestamps.parse("2015-07-15 24:00:00.000")).hasMessageContaining("not a valid");
        assertThatThrownBy(() -> Timestamps.parse("2015-07-1x 00:00:00.000")).hasMessageContaining("non-digit");
        assertThat(Timestamps.parse("2016-02-29 12:34:56.789")).isEqualTo(1_456_749_296_789L);
    }
}
