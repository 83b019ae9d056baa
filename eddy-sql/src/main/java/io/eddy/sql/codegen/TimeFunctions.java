package io.eddy.sql.codegen;

import io.eddy.table.types.LogicalType.Root;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.apache.calcite.avatica.util.TimeUnitRange;

/**
 * Date and time arithmetic and EXTRACT on the Java values of DATE, TIME and TIMESTAMP; intervals
 * are milliseconds (day-time) or months (year-month), as their literals are compiled.
 */
final class TimeFunctions {
  private TimeFunctions() {}

  static Object plus(Object time, Root intervalRoot, Number interval, boolean minus) {
    long amount = minus ? -interval.longValue() : interval.longValue();
    boolean months = intervalRoot == Root.INTERVAL_YEAR_MONTH;
    return switch (time) {
      case LocalDateTime t -> months ? t.plusMonths(amount) : t.plusNanos(amount * 1_000_000L);
      case LocalDate d -> months ? d.plusMonths(amount) : d.plusDays(Math.floorDiv(amount, 86_400_000L));
      case LocalTime t -> months ? t : t.plusNanos(amount * 1_000_000L);
      // TIMESTAMP_LTZ: months counted in the session time zone, UTC
      case java.time.Instant t -> months ? t.atOffset(java.time.ZoneOffset.UTC).plusMonths(amount).toInstant()
          : t.plusMillis(amount);
      default -> throw new IllegalArgumentException("not a date or time: " + time);
    };
  }

  static Object extract(TimeUnitRange unit, Object v) {
    LocalDate date = v instanceof LocalDateTime t ? t.toLocalDate() : v instanceof LocalDate d ? d : null;
    LocalTime time = v instanceof LocalDateTime t ? t.toLocalTime() : v instanceof LocalTime lt ? lt : null;
    long r = switch (unit) {
      case YEAR -> date.getYear();
      case QUARTER -> (date.getMonthValue() + 2) / 3;
      case MONTH -> date.getMonthValue();
      case WEEK -> date.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR);
      case DAY -> date.getDayOfMonth();
      case DOW -> date.getDayOfWeek().getValue() % 7 + 1;
      case DOY -> date.getDayOfYear();
      case HOUR -> time == null ? 0 : time.getHour();
      case MINUTE -> time == null ? 0 : time.getMinute();
      case SECOND -> time == null ? 0 : time.getSecond();
      // Flink: the fraction of the second only (Calcite's would add the seconds)
      case MILLISECOND -> time == null ? 0 : time.getNano() / 1_000_000;
      case MICROSECOND -> time == null ? 0 : time.getNano() / 1000;
      case NANOSECOND -> time == null ? 0 : time.getNano();
      case EPOCH -> v instanceof LocalDateTime t ? t.toEpochSecond(java.time.ZoneOffset.UTC) : date.toEpochDay() * 86400;
      default -> throw new UnsupportedOperationException("Unsupported in SQL expressions: EXTRACT(" + unit + ")");
    };
    return r;
  }

  /** FLOOR/CEIL(time TO unit): the start of the unit containing {@code v}, or of the next one if v is past it. */
  static Object floorOrCeil(Object v, TimeUnitRange unit, boolean floor) {
    LocalDateTime t = v instanceof LocalDate d ? d.atStartOfDay() : (LocalDateTime) v;
    LocalDateTime start = switch (unit) {
      case YEAR -> t.toLocalDate().withDayOfYear(1).atStartOfDay();
      case QUARTER -> t.toLocalDate().withMonth((t.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1).atStartOfDay();
      case MONTH -> t.toLocalDate().withDayOfMonth(1).atStartOfDay();
      case WEEK -> t.toLocalDate().minusDays(t.getDayOfWeek().getValue() % 7).atStartOfDay();
      case DAY -> t.toLocalDate().atStartOfDay();
      case HOUR -> t.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
      case MINUTE -> t.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
      case SECOND -> t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
      case MILLISECOND -> t.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
      default -> throw new UnsupportedOperationException("Unsupported in SQL expressions: FLOOR/CEIL to " + unit);
    };
    LocalDateTime result = floor || start.equals(t) ? start : switch (unit) {
      case YEAR -> start.plusYears(1);
      case QUARTER -> start.plusMonths(3);
      case MONTH -> start.plusMonths(1);
      case WEEK -> start.plusWeeks(1);
      case DAY -> start.plusDays(1);
      case HOUR -> start.plusHours(1);
      case MINUTE -> start.plusMinutes(1);
      case SECOND -> start.plusSeconds(1);
      default -> start.plusNanos(1_000_000);
    };
    return v instanceof LocalDate ? result.toLocalDate() : result;
  }

  /**
   * {@code later - earlier} as an interval: milliseconds, or whole months with {@code months},
   * counted as Flink does: the most months that can be added to the earlier date without passing
   * the later one, where adding lands on the last day of a shorter month (so the last day of
   * December to the last day of June is a whole number of months), one less if the time of day
   * then falls short.
   */
  static Object between(Object earlier, Object later, boolean months) {
    LocalDateTime from = earlier instanceof LocalDate d ? d.atStartOfDay() : (LocalDateTime) earlier;
    LocalDateTime to = later instanceof LocalDate d ? d.atStartOfDay() : (LocalDateTime) later;
    if (!months) {
      return java.time.Duration.between(from, to).toMillis();
    }
    int m = monthsBetween(to.toLocalDate(), from.toLocalDate());
    boolean timeShort = from.toLocalDate().plusMonths(m).equals(to.toLocalDate())
        && to.toLocalTime().isBefore(from.toLocalTime());
    return timeShort ? m - 1 : m;
  }

  /** Whole months from {@code earlier} to {@code later} (negative when reversed), Flink's DateTimeUtils.subtractMonths. */
  private static int monthsBetween(LocalDate later, LocalDate earlier) {
    if (later.isBefore(earlier)) {
      return -monthsBetween(earlier, later);
    }
    int m = (int) ((later.toEpochDay() - earlier.toEpochDay()) / 31); // no month is longer: m is not too many
    while (earlier.plusMonths(m).isBefore(later) && !earlier.plusMonths(m + 1).isAfter(later)) {
      m++;
    }
    return m;
  }
}
