package io.eddy.sql.connector;

import io.eddy.api.time.WatermarkStrategy;
import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import io.eddy.connectors.datagen.DataGenSource;
import io.eddy.connectors.datagen.GeneratorFunction;
import io.eddy.sql.catalog.CatalogTable;
import io.eddy.table.types.LogicalType;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The 'datagen' connector (Flink's): rows of random or sequence values per column
 * ({@link DataGenField}), {@code rows-per-second} (default 10000) over all subtasks,
 * {@code number-of-rows} in all (unbounded without it, or as many as the shortest sequence
 * column has). Runs on Eddy's {@link DataGenSource}: records split among the subtasks, position
 * checkpointed, and a restarted job regenerates the same rows (the random seed is drawn once
 * when the query is planned).
 */
public final class DataGenTableFactory implements TableFactory {
  @Override
  public String identifier() {
    return "datagen";
  }

  @Override
  public Set<String> options() {
    return Set.of("rows-per-second", "number-of-rows");
  }

  @Override
  public Set<String> options(CatalogTable table) {
    Set<String> keys = new LinkedHashSet<>(options());
    for (String column : table.physicalRowType().fieldNames()) {
      for (String option : DataGenField.OPTIONS) {
        keys.add("fields." + column + "." + option);
      }
    }
    return keys;
  }

  @Override
  public TableSource createSource(CatalogTable table) {
    LogicalType rowType = table.physicalRowType();
    DataGenField[] fields = new DataGenField[rowType.fieldCount()];
    long count = Long.MAX_VALUE;
    for (int i = 0; i < fields.length; i++) {
      String column = rowType.fieldNames().get(i);
      Map<String, String> own = new HashMap<>();
      String prefix = "fields." + column + ".";
      table.options().forEach((k, v) -> {
        if (k.startsWith(prefix)) {
          own.put(k.substring(prefix.length()), v);
        }
      });
      try {
        fields[i] = DataGenField.of(column, rowType.field(i), own);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("Table " + table.name() + ": a fields." + column + ".* option is not a number: "
            + e.getMessage(), e);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Table " + table.name() + ": " + e.getMessage(), e);
      }
      if (fields[i].sequenceLength() >= 0) {
        count = Math.min(count, fields[i].sequenceLength());
      }
    }
    if (table.options().containsKey("number-of-rows")) {
      count = Math.min(count, positive(table, "number-of-rows"));
    }
    double rate = table.options().containsKey("rows-per-second") ? positive(table, "rows-per-second") : 10_000;
    if (rate == 0) {
      throw new IllegalArgumentException("Table " + table.name() + ": 'rows-per-second' must be at least 1");
    }
    long seed = ThreadLocalRandom.current().nextLong();
    GeneratorFunction<Row> generator = GeneratorFunction.random(seed, (random, index) -> {
      Object[] values = new Object[fields.length];
      for (int f = 0; f < values.length; f++) {
        values[f] = fields[f].value(random, index);
      }
      return Row.wrap(RowKind.INSERT, values);
    });
    DataGenSource<Row> source = (count == Long.MAX_VALUE ? DataGenSource.unbounded(generator)
        : DataGenSource.of(count, generator)).withRate(rate);
    return (env, name) -> env.fromSource(source, WatermarkStrategy.noWatermarks(), name);
  }

  private static long positive(CatalogTable table, String key) {
    try {
      long n = Long.parseLong(table.options().get(key).trim());
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Table " + table.name() + ": '" + key + "' must be a whole number >= 0, not '"
          + table.options().get(key) + "'");
    }
  }

  @Override
  public TableSink createSink(CatalogTable table) {
    throw new UnsupportedOperationException("Table " + table.name() + ": the datagen connector can only be read");
  }
}
