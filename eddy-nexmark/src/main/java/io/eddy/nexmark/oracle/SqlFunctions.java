package io.eddy.nexmark.oracle;

import io.eddy.nexmark.model.Timestamps;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The SQL built-ins the Nexmark queries use, with Apache Flink's semantics, as plain Java:
 * the oracle uses them and the engine's hand-written queries should too, so both agree on the
 * corner cases documented per method. Stateless and thread-safe.
 */
public final class SqlFunctions {

    private static final BigDecimal EURO_RATE = new BigDecimal("0.908");

    private SqlFunctions() {
    }

    /** A TIMESTAMP(3) value (UTC wall time) for epoch millis; what result rows carry. */
    public static LocalDateTime timestamp(long millis) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), (int) Math.floorMod(millis, 1000) * 1_000_000,
                ZoneOffset.UTC);
    }

    /** {@code 0.908 * price}: DECIMAL(23, 3), exact, scale always 3 (e.g. 5 -> 4.540). */
    public static BigDecimal euros(long price) {
        return EURO_RATE.multiply(BigDecimal.valueOf(price));
    }

    /** {@code DATE_FORMAT(ts, 'yyyy-MM-dd')}, UTC. */
    public static String day(long millis) {
        return Timestamps.formatDate(millis);
    }

    /** {@code DATE_FORMAT(ts, 'HH:mm')}, UTC. */
    public static String hourMinute(long millis) {
        return Timestamps.format(millis).substring(11, 16);
    }

    /** {@code HOUR(ts)}, UTC, 0..23. */
    public static int hour(long millis) {
        return (int) (Math.floorMod(millis, 86_400_000L) / 3_600_000L);
    }

    /** {@code LOWER(s)}; null for null. Locale-independent. */
    public static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    /**
     * Nexmark's UDF {@code count_char(s, c)}: occurrences of c's first character in s;
     * 0 for a null s.
     */
    public static long countChar(String s, char c) {
        if (s == null) {
            return 0;
        }
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    /**
     * {@code REGEXP_EXTRACT(url, '(&|^)channel_id=([^&]*)', 2)} as Flink computes it: the
     * group of the first match found, null if the url is null or
     * nothing matches. The group may be the empty string ({@code ...&channel_id=}).
     */
    public static String channelIdOfUrl(String url) {
        if (url == null) {
            return null;
        }
        // The first "channel_id=" at the start or after '&', up to the next '&': what
        // REGEXP_EXTRACT(url, '(&|^)channel_id=([^&]*)', 2) finds, without a regex engine.
        String key = "channel_id=";
        for (int at = url.indexOf(key); at >= 0; at = url.indexOf(key, at + 1)) {
            if (at == 0 || url.charAt(at - 1) == '&') {
                int from = at + key.length();
                int end = url.indexOf('&', from);
                return end < 0 ? url.substring(from) : url.substring(from, end);
            }
        }
        return null;
    }

    /**
     * {@code SPLIT_INDEX(s, sep, index)} as Flink computes it: s split at every occurrence of
     * the whole separator, keeping empty tokens (also a trailing one), 0-based; null if s is
     * null, s is empty (no tokens), or index is out of range.
     */
    public static String splitIndex(String s, String separator, int index) {
        if (s == null || s.isEmpty() || index < 0) {
            return null;
        }
        int from = 0;
        for (int token = 0; token < index; token++) {
            int at = s.indexOf(separator, from);
            if (at < 0) {
                return null;
            }
            from = at + separator.length();
        }
        int end = s.indexOf(separator, from);
        return end < 0 ? s.substring(from) : s.substring(from, end);
    }

    /** AVG over BIGINT as Flink computes it: sum / count as BIGINT, truncated toward zero. */
    public static long avg(long sum, long count) {
        return sum / count;
    }
}
