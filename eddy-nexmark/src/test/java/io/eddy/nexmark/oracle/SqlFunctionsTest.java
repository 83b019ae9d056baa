package io.eddy.nexmark.oracle;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** The Flink corner cases of the SQL built-ins the oracle and the engine share. */
class SqlFunctionsTest {

    @Test
    void splitIndexKeepsEmptyTokensAndIsNullOutOfRange() {
        String url = "https://www.nexmark.com/a//c/";
        assertThat(SqlFunctions.splitIndex(url, "/", 0)).isEqualTo("https:");
        assertThat(SqlFunctions.splitIndex(url, "/", 1)).isEmpty();
        assertThat(SqlFunctions.splitIndex(url, "/", 2)).isEqualTo("www.nexmark.com");
        assertThat(SqlFunctions.splitIndex(url, "/", 4)).isEmpty();
        assertThat(SqlFunctions.splitIndex(url, "/", 5)).isEqualTo("c");
        assertThat(SqlFunctions.splitIndex(url, "/", 6)).isEmpty(); // trailing empty token
        assertThat(SqlFunctions.splitIndex(url, "/", 7)).isNull();
        assertThat(SqlFunctions.splitIndex(url, "/", -1)).isNull();
        assertThat(SqlFunctions.splitIndex("", "/", 0)).isNull();
        assertThat(SqlFunctions.splitIndex(null, "/", 0)).isNull();
        assertThat(SqlFunctions.splitIndex("a::b", "::", 1)).isEqualTo("b");
    }

    @Test
    void channelIdIsTheFirstMatchAndNullWithoutOne() {
        assertThat(SqlFunctions.channelIdOfUrl("x?q=1&channel_id=7&channel_id=8")).isEqualTo("7");
        assertThat(SqlFunctions.channelIdOfUrl("channel_id=3")).isEqualTo("3");
        assertThat(SqlFunctions.channelIdOfUrl("x?q=1&channel_id=")).isEmpty();
        assertThat(SqlFunctions.channelIdOfUrl("x?q=1&xchannel_id=5")).isNull();
        assertThat(SqlFunctions.channelIdOfUrl(null)).isNull();
    }

    @Test
    void arithmeticAndTimeFollowFlink() {
        assertThat(SqlFunctions.euros(5).toPlainString()).isEqualTo("4.540");
        assertThat(SqlFunctions.euros(Long.MAX_VALUE).toPlainString()).isEqualTo("8374821809464136432.756");
        assertThat(SqlFunctions.avg(-3, 2)).isEqualTo(-1);
        assertThat(SqlFunctions.avg(7, 2)).isEqualTo(3);
        long t = 1_436_918_400_000L + 19 * 3_600_000L + 5 * 60_000L + 999;
        assertThat(SqlFunctions.hour(t)).isEqualTo(19);
        assertThat(SqlFunctions.hourMinute(t)).isEqualTo("19:05");
        assertThat(SqlFunctions.day(t)).isEqualTo("2015-07-15");
        assertThat(SqlFunctions.timestamp(t)).isEqualTo(LocalDateTime.of(2015, 7, 15, 19, 5, 0, 999_000_000));
        assertThat(SqlFunctions.countChar("acbcc", 'c')).isEqualTo(3);
        assertThat(SqlFunctions.countChar(null, 'c')).isZero();
        assertThat(SqlFunctions.lower("ApPlE")).isEqualTo("apple");
    }
}
