package io.eddy.sql.connector;

import io.eddy.api.config.Durations;
import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import io.eddy.sql.codegen.Values;
import io.eddy.table.types.LogicalType;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * How the 'datagen' connector makes one column's value, from the column's options as Flink's
 * datagen reads them: {@code kind} 'random' (default) or 'sequence'; random numbers uniform in
 * [{@code min}, {@code max}] (default: the type's range), strings of {@code length} (default 100;
 * {@code var-len} for 1..length) random hex characters, timestamps up to {@code max-past} before
 * now, arrays and maps of {@code length} (default 3) entries, nested rows field by field;
 * sequences {@code start}..{@code end}, value i of the sequence being record i's; {@code null-rate}
 * the chance of NULL. Serializable: shipped to the source's subtasks.
 */
abstract class DataGenField implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The option names of a column, after {@code fields.<column>.}. */
  static final java.util.List<String> OPTIONS =
      java.util.List.of("kind", "min", "max", "max-past", "length", "var-len", "start", "end", "null-rate");

  private final double nullRate;

  DataGenField(double nullRate) {
    this.nullRate = nullRate;
  }

  final Object value(RandomGenerator random, long index) {
    return nullRate > 0 && random.nextDouble() < nullRate ? null : generate(random, index);
  }

  abstract Object generate(RandomGenerator random, long index);

  /** Values of a sequence field: how many it has (end - start + 1). */
  long sequenceLength() {
    return -1;
  }

  /** The field generator of a column; {@code options} are its fields.<column>.* options without prefix. */
  static DataGenField of(String column, LogicalType type, Map<String, String> options) {
    double nullRate = Double.parseDouble(options.getOrDefault("null-rate", "0"));
    String kind = options.getOrDefault("kind", "random");
    return switch (kind) {
      case "sequence" -> sequence(column, type, options, nullRate);
      case "random" -> random(column, type, options, nullRate);
      default -> throw new IllegalArgumentException("fields." + column + ".kind must be 'random' or 'sequence', not '"
          + kind + "'");
    };
  }

  private static DataGenField sequence(String column, LogicalType type, Map<String, String> options, double nullRate) {
    if (!(type.isNumeric() || type.isString())) {
      throw new IllegalArgumentException("fields." + column + ".kind: a sequence generates numbers or strings, not " + type);
    }
    for (String required : new String[] {"start", "end"}) {
      if (!options.containsKey(required)) {
        throw new IllegalArgumentException("Could not find required property 'fields." + column + "." + required
            + "' for sequence generator.");
      }
    }
    long start = Long.parseLong(options.get("start").trim());
    long end = Long.parseLong(options.get("end").trim());
    if (end < start) {
      throw new IllegalArgumentException("fields." + column + ": end " + end + " is before start " + start);
    }
    return new DataGenField(nullRate) {
      private static final long serialVersionUID = 1L;

      @Override
      Object generate(RandomGenerator random, long index) {
        return Values.cast(start + index, type);
      }

      @Override
      long sequenceLength() {
        return end - start + 1;
      }
    };
  }

  private static DataGenField random(String column, LogicalType type, Map<String, String> options, double nullRate) {
    String min = options.get("min");
    String max = options.get("max");
    int length = Integer.parseInt(options.getOrDefault("length", type.root() == LogicalType.Root.ARRAY
        || type.root() == LogicalType.Root.MAP ? "3" : "100").trim());
    boolean varLen = Boolean.parseBoolean(options.getOrDefault("var-len", "false"));
    long maxPast = options.containsKey("max-past") ? Durations.parse(options.get("max-past")).toMillis() : 0;
    RandomValue value = switch (type.root()) {
      case BOOLEAN -> (r, i) -> r.nextBoolean();
      case TINYINT -> integral(min, max, Byte.MIN_VALUE, Byte.MAX_VALUE, type);
      case SMALLINT -> integral(min, max, Short.MIN_VALUE, Short.MAX_VALUE, type);
      case INTEGER -> integral(min, max, Integer.MIN_VALUE, Integer.MAX_VALUE, type);
      case BIGINT -> integral(min, max, Long.MIN_VALUE, Long.MAX_VALUE, type);
      case FLOAT -> {
        double lo = min == null ? Float.MIN_VALUE : Double.parseDouble(min);
        double hi = max == null ? Float.MAX_VALUE : Double.parseDouble(max);
        yield (r, i) -> (float) uniform(r, lo, hi);
      }
      case DOUBLE -> {
        double lo = min == null ? Double.MIN_VALUE : Double.parseDouble(min);
        double hi = max == null ? Double.MAX_VALUE : Double.parseDouble(max);
        yield (r, i) -> uniform(r, lo, hi);
      }
      case DECIMAL -> {
        double limit = Math.pow(10, type.precision() - type.scale()) - Math.pow(10, -type.scale());
        double lo = min == null ? -limit : Double.parseDouble(min);
        double hi = max == null ? limit : Double.parseDouble(max);
        int scale = type.scale();
        yield (r, i) -> BigDecimal.valueOf(uniform(r, lo, hi)).setScale(scale, RoundingMode.DOWN);
      }
      case CHAR, VARCHAR -> {
        int n = type.root() == LogicalType.Root.CHAR ? type.precision() : Math.min(length, type.precision());
        yield (r, i) -> hex(r, varLen && n > 1 ? 1 + r.nextInt(n) : n);
      }
      case BINARY, VARBINARY -> {
        int n = Math.min(length, type.precision());
        yield (r, i) -> {
          byte[] bytes = new byte[varLen && n > 1 ? 1 + r.nextInt(n) : n];
          r.nextBytes(bytes);
          return bytes;
        };
      }
      case TIMESTAMP -> (r, i) -> Values.cast(LocalDateTime.now(ZoneOffset.UTC).minusNanos(past(r, maxPast) * 1_000_000L), type);
      case TIMESTAMP_LTZ -> (r, i) -> Instant.now().minusMillis(past(r, maxPast));
      case DATE -> (r, i) -> LocalDate.now(ZoneOffset.UTC).minusDays(past(r, maxPast) / 86_400_000L);
      case TIME -> (r, i) -> LocalTime.now(ZoneOffset.UTC).withNano(0);
      case ROW -> {
        DataGenField[] fields = new DataGenField[type.fieldCount()];
        for (int f = 0; f < fields.length; f++) {
          fields[f] = random(column + "." + type.fieldNames().get(f), type.field(f), Map.of(), 0);
        }
        yield (r, i) -> {
          Object[] values = new Object[fields.length];
          for (int f = 0; f < values.length; f++) {
            values[f] = fields[f].value(r, i);
          }
          return Row.wrap(RowKind.INSERT, values);
        };
      }
      case ARRAY -> {
        DataGenField element = random(column + ".element", type.field(0), Map.of(), 0);
        yield (r, i) -> {
          Object[] items = new Object[length];
          for (int k = 0; k < length; k++) {
            items[k] = element.value(r, i);
          }
          return items;
        };
      }
      case MAP -> {
        DataGenField key = random(column + ".key", type.field(0), Map.of(), 0);
        DataGenField val = random(column + ".value", type.field(1), Map.of(), 0);
        yield (r, i) -> {
          Map<Object, Object> map = new HashMap<>();
          for (int k = 0; k < length; k++) {
            map.put(key.value(r, i), val.value(r, i));
          }
          return map;
        };
      }
      default -> throw new IllegalArgumentException("datagen cannot generate column " + column + " of type " + type);
    };
    return new DataGenField(nullRate) {
      private static final long serialVersionUID = 1L;

      @Override
      Object generate(RandomGenerator random, long index) {
        return value.next(random, index);
      }
    };
  }

  /** A random value of one type. */
  @FunctionalInterface
  private interface RandomValue extends Serializable {
    Object next(RandomGenerator random, long index);
  }

  private static RandomValue integral(String min, String max, long typeMin, long typeMax, LogicalType type) {
    long lo = min == null ? typeMin : Long.parseLong(min.trim());
    long hi = max == null ? typeMax : Long.parseLong(max.trim());
    if (hi < lo) {
      throw new IllegalArgumentException("datagen: max " + hi + " is below min " + lo);
    }
    return (r, i) -> Values.cast(hi < Long.MAX_VALUE ? r.nextLong(lo, hi + 1) : lo == Long.MIN_VALUE ? r.nextLong()
        : r.nextLong(lo, hi), type);
  }

  private static double uniform(RandomGenerator r, double lo, double hi) {
    return lo == hi ? lo : lo + r.nextDouble() * (hi - lo);
  }

  private static long past(RandomGenerator r, long maxPastMillis) {
    return maxPastMillis <= 0 ? 0 : r.nextLong(maxPastMillis + 1);
  }

  private static String hex(RandomGenerator r, int n) {
    char[] chars = new char[n];
    for (int k = 0; k < n; k++) {
      chars[k] = Character.forDigit(r.nextInt(16), 16);
    }
    return new String(chars);
  }
}
