package io.eddy.api.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations the way Flink's configuration writes them: "500 ms", "10s", "1 min", "2h",
 * "3d"; a number without a unit is milliseconds, as in Flink. ISO-8601 ("PT0.5S") is accepted too.
 */
public final class Durations {
  private static final Pattern DURATION = Pattern.compile("\\s*(\\d+)\\s*([a-zA-Z]*)\\s*");

  private Durations() {}

  public static Duration parse(String text) {
    if (text.strip().toUpperCase(Locale.ROOT).startsWith("P")) {
      try {
        return Duration.parse(text.strip());
      } catch (java.time.format.DateTimeParseException e) {
        throw new IllegalArgumentException("not a duration: '" + text + "' (e.g. 500ms, 10s, 1min)", e);
      }
    }
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a duration: '" + text + "' (e.g. 500ms, 10s, 1min)");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "", "ms", "milli", "millis", "millisecond", "milliseconds" -> Duration.ofMillis(n);
      case "s", "sec", "secs", "second", "seconds" -> Duration.ofSeconds(n);
      case "m", "min", "mins", "minute", "minutes" -> Duration.ofMinutes(n);
      case "h", "hour", "hours" -> Duration.ofHours(n);
      case "d", "day", "days" -> Duration.ofDays(n);
      default -> throw new IllegalArgumentException("unknown time unit in '" + text + "'");
    };
  }

  /** The form Flink writes: whole milliseconds with their unit, e.g. "1500 ms". */
  public static String format(Duration duration) {
    return duration.toMillis() + " ms";
  }
}
