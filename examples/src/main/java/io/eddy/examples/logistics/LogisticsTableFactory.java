package io.eddy.examples.logistics;

import io.eddy.api.time.WatermarkStrategy;
import io.eddy.api.types.Row;
import io.eddy.connectors.datagen.DataGenSource;
import io.eddy.sql.catalog.CatalogTable;
import io.eddy.sql.connector.TableFactory;
import io.eddy.sql.connector.TableSink;
import io.eddy.sql.connector.TableSource;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * The 'logistics' connector: the {@link LogisticsGenerator}'s feed as one table, for the SQL form
 * of the logistics job. Options {@code orders}, {@code seed} (default 0) and {@code rate} (records
 * per second, default 0: as fast as possible). Columns, in this order: {@code kind STRING}
 * ('order' or 'update'), {@code order_id BIGINT}, {@code platform STRING} and
 * {@code created_at TIMESTAMP(3)} (orders), {@code seq INT}, {@code type STRING} and
 * {@code hub INT} (updates; hub -1 when not at a hub), {@code event_time TIMESTAMP(3)} (both;
 * UTC). The watermark comes from the table's WATERMARK clause.
 */
public final class LogisticsTableFactory implements TableFactory {
  static final List<String> COLUMNS = List.of("kind", "order_id", "platform", "created_at", "seq", "type", "hub",
      "event_time");

  @Override
  public String identifier() {
    return "logistics";
  }

  @Override
  public Set<String> options() {
    return Set.of("orders", "seed", "rate");
  }

  @Override
  public TableSource createSource(CatalogTable table) {
    List<String> columns = table.physicalRowType().fieldNames();
    if (!columns.equals(COLUMNS)) {
      throw new IllegalArgumentException("Table " + table.name() + ": the logistics connector's columns are "
          + COLUMNS + ", got " + columns);
    }
    LogisticsGenerator input = new LogisticsGenerator(number(table, "seed", "0"), number(table, "orders", null));
    double rate = Double.parseDouble(table.option("rate", "0"));
    DataGenSource<Row> generator = DataGenSource.of(input.records(), i -> row(input.record(i)));
    DataGenSource<Row> source = rate > 0 ? generator.withRate(rate) : generator;
    return (env, name) -> env.fromSource(source, WatermarkStrategy.noWatermarks(), name);
  }

  private static long number(CatalogTable table, String key, String fallback) {
    String v = table.option(key, fallback);
    if (v == null) {
      throw new IllegalArgumentException("Table " + table.name() + ": the logistics connector needs '" + key + "'");
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Table " + table.name() + ": '" + key + "' must be a whole number, not '"
          + v + "'");
    }
  }

  static Row row(LogisticsEvent event) {
    return switch (event) {
      case Order o -> Row.of("order", o.orderId(), o.platform().label(), time(o.createdAt()), null, null, null,
          time(o.createdAt()));
      case ShippingUpdate u -> Row.of("update", u.orderId(), null, null, u.seq(), u.type().name(), u.hub(),
          time(u.timestamp()));
    };
  }

  private static LocalDateTime time(long millis) {
    return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), (int) Math.floorMod(millis, 1000) * 1_000_000,
        ZoneOffset.UTC);
  }

  @Override
  public TableSink createSink(CatalogTable table) {
    throw new UnsupportedOperationException("Table " + table.name() + ": the logistics connector can only be read");
  }
}
