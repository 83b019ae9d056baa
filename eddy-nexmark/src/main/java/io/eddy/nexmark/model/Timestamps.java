package io.eddy.nexmark.model;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * SQL {@code TIMESTAMP(3)} text ({@code yyyy-MM-dd HH:mm:ss.SSS}, UTC) to and from epoch
 * milliseconds, as used by the JSON-lines input and the CSV results.
 *
 * <p>Why not {@link DateTimeFormatter}: formatting sits in the hot path of the event writer,
 * so years 0000..9999 are formatted and parsed by hand (civil-from-days arithmetic, no
 * allocation besides the result). Other years fall back to java.time. Thread-safe (stateless).
 */
public final class Timestamps {

    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static final long MIN_FAST = -62_167_219_200_000L; // 0000-01-01 00:00:00.000
    private static final long MAX_FAST = 253_402_300_800_000L; // 10000-01-01 00:00:00.000
    private static final DateTimeFormatter SLOW = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS");

    private Timestamps() {
    }

    /** Formats epoch millis UTC as {@code yyyy-MM-dd HH:mm:ss.SSS}. */
    public static String format(long millis) {
        if (millis < MIN_FAST || millis >= MAX_FAST) {
            return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), (int) Math.floorMod(millis, 1000) * 1_000_000,
                    ZoneOffset.UTC).format(SLOW);
        }
        byte[] b = new byte[23];
        long days = Math.floorDiv(millis, MILLIS_PER_DAY);
        long ms = Math.floorMod(millis, MILLIS_PER_DAY);
        writeDate(b, days);
        b[10] = ' ';
        int msOfDay = (int) ms;
        put2(b, 11, msOfDay / 3_600_000);
        b[13] = ':';
        put2(b, 14, msOfDay / 60_000 % 60);
        b[16] = ':';
        put2(b, 17, msOfDay / 1000 % 60);
        b[19] = '.';
        int frac = msOfDay % 1000;
        b[20] = (byte) ('0' + frac / 100);
        put2(b, 21, frac % 100);
        return new String(b, 0, 23, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** Formats the UTC date of epoch millis as {@code yyyy-MM-dd} (SQL DATE_FORMAT 'yyyy-MM-dd'). */
    public static String formatDate(long millis) {
        return format(millis).substring(0, 10);
    }

    /**
     * Parses {@code yyyy-MM-dd HH:mm:ss.SSS} (exactly 23 characters, UTC) to epoch millis.
     *
     * @throws IllegalArgumentException if the text is not in that shape or not a valid time
     */
    public static long parse(CharSequence s) {
        if (s.length() != 23 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != ' '
                || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(19) != '.') {
            throw new IllegalArgumentException("timestamp '" + s + "' is not yyyy-MM-dd HH:mm:ss.SSS");
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        int milli = digits(s, 20, 3);
        if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59
                || second > 59) {
            throw new IllegalArgumentException("timestamp '" + s + "' is not a valid date and time");
        }
        long days = daysFromCivil(year, month, day);
        return days * MILLIS_PER_DAY + hour * 3_600_000L + minute * 60_000L + second * 1000L + milli;
    }

    private static int digits(CharSequence s, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("timestamp '" + s + "' has a non-digit at position " + i);
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    private static long daysFromCivil(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    /** Writes yyyy-MM-dd of days since the epoch into b[0..10) (H. Hinnant's civil_from_days). */
    private static void writeDate(byte[] b, long days) {
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int d = (int) (doy - (153 * mp + 2) / 5 + 1);
        int m = (int) (mp < 10 ? mp + 3 : mp - 9);
        int y = (int) (yoe + era * 400 + (m <= 2 ? 1 : 0));
        put2(b, 0, y / 100);
        put2(b, 2, y % 100);
        b[4] = '-';
        put2(b, 5, m);
        b[7] = '-';
        put2(b, 8, d);
    }

    private static void put2(byte[] b, int at, int v) {
        b[at] = (byte) ('0' + v / 10);
        b[at + 1] = (byte) ('0' + v % 10);
    }
}
