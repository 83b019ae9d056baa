package io.eddy.sql.codegen;

import io.eddy.api.types.Row;
import io.eddy.table.runtime.RowExpression;
import io.eddy.table.types.LogicalType;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.calcite.runtime.SqlFunctions;

/**
 * Flink's built-in scalar functions beyond the core operators, with Flink's documented
 * semantics: times in the session time zone UTC, NULL in gives NULL out (except CONCAT_WS, which
 * skips NULL arguments, and IFNULL), text that does not parse as a time gives NULL, LPAD/RPAD
 * truncate to the length, LEFT/RIGHT/REPEAT of a negative count give ''. Formats are Java date
 * patterns, as Flink's (SimpleDateFormat-compatible) ones. Stateless; compiled per call.
 */
final class BuiltinFunctions {
  private BuiltinFunctions() {}

  private static final String DEFAULT_TIMESTAMP_FORMAT = "yyyy-MM-dd HH:mm:ss";
  private static final Map<String, DateTimeFormatter> FORMATS = new ConcurrentHashMap<>();

  /** A function of its non-null arguments. */
  @FunctionalInterface
  interface Strict extends Serializable {
    Object apply(Object[] args);
  }

  /** The compiled call, or null if {@code name} is not one of these functions. */
  static RowExpression compile(String name, RowExpression[] args, LogicalType type) {
    int n = args.length;
    return switch (name) {
      // Flink's are of precision 3 (Calcite types CURRENT_TIMESTAMP with 0): milliseconds kept
      case "CURRENT_TIMESTAMP", "LOCALTIMESTAMP", "NOW" -> row -> now();
      case "PROCTIME" -> row -> Instant.now().truncatedTo(ChronoUnit.MILLIS);
      case "CURRENT_DATE" -> row -> LocalDate.now(ZoneOffset.UTC);
      case "CURRENT_TIME", "LOCALTIME" -> row -> LocalTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
      case "UNIX_TIMESTAMP" -> n == 0 ? row -> Instant.now().getEpochSecond()
          : strict(args, a -> {
            LocalDateTime t = parseTimestamp((String) a[0], a.length > 1 ? (String) a[1] : DEFAULT_TIMESTAMP_FORMAT);
            return t == null ? null : t.toEpochSecond(ZoneOffset.UTC);
          });
      case "FROM_UNIXTIME" -> strict(args, a -> format(LocalDateTime.ofEpochSecond(((Number) a[0]).longValue(), 0,
          ZoneOffset.UTC), a.length > 1 ? (String) a[1] : DEFAULT_TIMESTAMP_FORMAT));
      case "TO_TIMESTAMP" -> strict(args, a -> parseTimestamp((String) a[0], a.length > 1 ? (String) a[1] : null));
      case "TO_DATE" -> strict(args, a -> parseDate((String) a[0], a.length > 1 ? (String) a[1] : "yyyy-MM-dd"));
      case "TO_TIMESTAMP_LTZ" -> strict(args, a -> {
        int precision = ((Number) a[1]).intValue();
        if (precision != 0 && precision != 3) {
          throw new IllegalArgumentException("TO_TIMESTAMP_LTZ precision must be 0 or 3, not " + precision);
        }
        long millis = precision == 0 ? Math.round(((Number) a[0]).doubleValue() * 1000) : ((Number) a[0]).longValue();
        return Instant.ofEpochMilli(millis);
      });
      case "REGEXP" -> strict(args, a -> {
        RegexSearch regex = RegexSearch.of((String) a[1]);
        return regex == null ? null : regex.find((String) a[0]) != null;
      });
      case "REGEXP_REPLACE" -> strict(args, a -> {
        RegexSearch regex = RegexSearch.of((String) a[1]);
        return regex == null ? null : regex.pattern().matcher((String) a[0]).replaceAll((String) a[2]);
      });
      case "LOCATE" -> strict(args, a -> {
        int from = a.length > 2 ? ((Number) a[2]).intValue() : 1;
        return from < 1 ? 0 : ((String) a[1]).indexOf((String) a[0], from - 1) + 1;
      });
      case "POSITION" -> strict(args, a -> ((String) a[1]).indexOf((String) a[0]) + 1);
      case "SUBSTR" -> strict(args, a -> StringFunctions.substring((String) a[0], ((Number) a[1]).intValue(),
          a.length > 2 ? ((Number) a[2]).intValue() : Integer.MAX_VALUE));
      case "INITCAP" -> strict(args, a -> SqlFunctions.initcap((String) a[0]));
      case "REPLACE" -> strict(args, a -> ((String) a[0]).replace((String) a[1], (String) a[2]));
      case "OVERLAY" -> strict(args, a -> {
        String s = (String) a[0];
        String r = (String) a[1];
        int from = ((Number) a[2]).intValue();
        int length = a.length > 3 ? ((Number) a[3]).intValue() : r.length();
        return StringFunctions.substring(s, 1, from - 1) + r + StringFunctions.substring(s, from + length, Integer.MAX_VALUE);
      });
      case "LPAD", "RPAD" -> {
        boolean left = name.equals("LPAD");
        yield strict(args, a -> pad((String) a[0], ((Number) a[1]).intValue(), a.length > 2 ? (String) a[2] : " ", left));
      }
      case "LEFT" -> strict(args, a -> {
        String s = (String) a[0];
        int k = ((Number) a[1]).intValue();
        return k <= 0 ? "" : s.substring(0, Math.min(k, s.length()));
      });
      case "RIGHT" -> strict(args, a -> {
        String s = (String) a[0];
        int k = ((Number) a[1]).intValue();
        return k <= 0 ? "" : s.substring(Math.max(0, s.length() - k));
      });
      case "REPEAT" -> strict(args, a -> ((String) a[0]).repeat(Math.max(0, ((Number) a[1]).intValue())));
      case "REVERSE" -> strict(args, a -> new StringBuilder((String) a[0]).reverse().toString());
      case "LTRIM" -> strict(args, a -> StringFunctions.trim(org.apache.calcite.sql.fun.SqlTrimFunction.Flag.LEADING,
          a.length > 1 ? (String) a[1] : " ", (String) a[0]));
      case "RTRIM" -> strict(args, a -> StringFunctions.trim(org.apache.calcite.sql.fun.SqlTrimFunction.Flag.TRAILING,
          a.length > 1 ? (String) a[1] : " ", (String) a[0]));
      case "CONCAT_WS" -> row -> {
        Object sep = args[0].eval(row);
        if (sep == null) {
          return null;
        }
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (int i = 1; i < args.length; i++) {
          Object v = args[i].eval(row);
          if (v != null) {
            sb.append(first ? "" : (String) sep).append(Values.text(v));
            first = false;
          }
        }
        return sb.toString();
      };
      case "ASCII" -> strict(args, a -> ((String) a[0]).isEmpty() ? 0 : (int) ((String) a[0]).charAt(0));
      case "CHR" -> strict(args, a -> {
        int code = ((Number) a[0]).intValue();
        return code < 0 ? null : String.valueOf((char) (code % 256));
      });
      case "MD5", "SHA1", "SHA256" -> {
        String algorithm = name.equals("MD5") ? "MD5" : name.equals("SHA1") ? "SHA-1" : "SHA-256";
        yield strict(args, a -> digest(algorithm, (String) a[0]));
      }
      case "BIN" -> strict(args, a -> Long.toBinaryString(((Number) a[0]).longValue()));
      case "HEX" -> strict(args, a -> a[0] instanceof String str
          ? HexFormat.of().withUpperCase().formatHex(str.getBytes(StandardCharsets.UTF_8))
          : Long.toHexString(((Number) a[0]).longValue()).toUpperCase(Locale.ROOT));
      case "TO_BASE64" -> strict(args, a -> Base64.getEncoder().encodeToString(bytes(a[0])));
      case "FROM_BASE64" -> strict(args, a -> new String(Base64.getDecoder().decode((String) a[0]), StandardCharsets.UTF_8));
      case "IFNULL" -> row -> {
        Object v = args[0].eval(row);
        return v != null ? v : args[1].eval(row);
      };
      case "GREATEST", "LEAST" -> {
        boolean greatest = name.equals("GREATEST");
        yield strict(args, a -> {
          Object best = a[0];
          for (Object v : a) {
            int c = Values.compare(v, best);
            if (greatest ? c > 0 : c < 0) {
              best = v;
            }
          }
          return Values.cast(best, type);
        });
      }
      case "ROUND", "TRUNCATE" -> {
        RoundingMode mode = name.equals("ROUND") ? RoundingMode.HALF_UP : RoundingMode.DOWN;
        yield strict(args, a -> Values.cast(Values.decimal(a[0]).setScale(a.length > 1 ? ((Number) a[1]).intValue() : 0,
            mode), type));
      }
      case "SIGN" -> strict(args, a -> Values.cast(Values.decimal(a[0]).signum(), type));
      case "PI" -> row -> Math.PI;
      case "RAND" -> n == 0 ? row -> ThreadLocalRandom.current().nextDouble() : null;
      case "LN", "LOG10", "LOG2", "EXP", "SIN", "COS", "TAN", "ASIN", "ACOS", "ATAN", "COT", "DEGREES", "RADIANS", "CBRT" ->
          strict(args, a -> math(name, ((Number) a[0]).doubleValue()));
      case "LOG" -> strict(args, a -> a.length == 1 ? Math.log(((Number) a[0]).doubleValue())
          : Math.log(((Number) a[1]).doubleValue()) / Math.log(((Number) a[0]).doubleValue()));
      case "ATAN2" -> strict(args, a -> Math.atan2(((Number) a[0]).doubleValue(), ((Number) a[1]).doubleValue()));
      default -> null;
    };
  }

  /** A function of all arguments evaluated, NULL if any is NULL. */
  static RowExpression strict(RowExpression[] args, Strict f) {
    return (Row row) -> {
      Object[] values = new Object[args.length];
      for (int i = 0; i < values.length; i++) {
        values[i] = args[i].eval(row);
        if (values[i] == null) {
          return null;
        }
      }
      return f.apply(values);
    };
  }

  private static LocalDateTime now() {
    return LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
  }

  private static DateTimeFormatter formatter(String pattern) {
    return FORMATS.computeIfAbsent(pattern, p -> new DateTimeFormatterBuilder().appendPattern(p)
        .parseDefaulting(ChronoField.HOUR_OF_DAY, 0).toFormatter(Locale.ROOT));
  }

  static String format(LocalDateTime t, String pattern) {
    return formatter(pattern).format(t);
  }

  /** Text in {@code pattern} (null: SQL timestamp text with optional fraction) as TIMESTAMP(3); null if it does not parse. */
  static LocalDateTime parseTimestamp(String text, String pattern) {
    try {
      if (pattern == null) {
        return (LocalDateTime) Values.cast(text, LogicalType.timestamp(3));
      }
      return LocalDateTime.parse(text.trim(), formatter(pattern));
    } catch (DateTimeParseException | IllegalArgumentException e) {
      try {
        return LocalDate.parse(text.trim(), formatter(pattern == null ? "yyyy-MM-dd" : pattern)).atStartOfDay();
      } catch (DateTimeParseException | IllegalArgumentException again) {
        return null;
      }
    }
  }

  private static LocalDate parseDate(String text, String pattern) {
    try {
      return LocalDate.parse(text.trim(), formatter(pattern));
    } catch (DateTimeParseException | IllegalArgumentException e) {
      return null;
    }
  }

  private static String pad(String s, int length, String pad, boolean left) {
    if (length < 0 || (pad.isEmpty() && length > s.length())) {
      return null;
    }
    if (length <= s.length()) {
      return s.substring(0, length);
    }
    StringBuilder fill = new StringBuilder();
    while (fill.length() < length - s.length()) {
      fill.append(pad);
    }
    fill.setLength(length - s.length());
    return left ? fill + s : s + fill;
  }

  private static String digest(String algorithm, String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is not available", e);
    }
  }

  private static byte[] bytes(Object v) {
    return v instanceof byte[] b ? b : Values.text(v).getBytes(StandardCharsets.UTF_8);
  }

  private static double math(String name, double x) {
    return switch (name) {
      case "LN" -> Math.log(x);
      case "LOG10" -> Math.log10(x);
      case "LOG2" -> Math.log(x) / Math.log(2);
      case "EXP" -> Math.exp(x);
      case "SIN" -> Math.sin(x);
      case "COS" -> Math.cos(x);
      case "TAN" -> Math.tan(x);
      case "ASIN" -> Math.asin(x);
      case "ACOS" -> Math.acos(x);
      case "ATAN" -> Math.atan(x);
      case "COT" -> 1 / Math.tan(x);
      case "DEGREES" -> Math.toDegrees(x);
      case "RADIANS" -> Math.toRadians(x);
      default -> Math.cbrt(x);
    };
  }
}
