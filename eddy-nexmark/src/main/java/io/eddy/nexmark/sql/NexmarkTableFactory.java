package io.eddy.nexmark.sql;

import io.eddy.api.time.WatermarkStrategy;
import io.eddy.nexmark.source.GeneratorSource;
import io.eddy.sql.catalog.CatalogTable;
import io.eddy.sql.connector.TableFactory;
import io.eddy.sql.connector.TableSink;
import io.eddy.sql.connector.TableSource;
import java.util.Map;
import java.util.Set;

/**
 * The 'nexmark' connector (as Flink's nexmark benchmark declares it): the generator's events as
 * the combined table ({@link EventRows}). Options of Flink's connector: {@code first-event.rate}
 * (events per second of event time, default 10000), {@code next-event.rate} (only equal to the
 * first: the rate does not change), {@code events.num} (default: unbounded),
 * {@code rate.limited} (pace to first-event.rate events per second of wall time, default false),
 * {@code person.proportion} / {@code auction.proportion} / {@code bid.proportion} (only the
 * standard 1 / 3 / 46); and Eddy's {@code seed} (default 0). The watermark comes from the
 * table's WATERMARK clause.
 */
public final class NexmarkTableFactory implements TableFactory {
  private static final Map<String, String> FIXED = Map.of("person.proportion", "1", "auction.proportion", "3",
      "bid.proportion", "46");

  @Override
  public String identifier() {
    return "nexmark";
  }

  @Override
  public Set<String> options() {
    return Set.of("first-event.rate", "next-event.rate", "events.num", "rate.limited", "seed", "person.proportion",
        "auction.proportion", "bid.proportion");
  }

  @Override
  public TableSource createSource(CatalogTable table) {
    double rate = number(table, "first-event.rate", "10000");
    if (!(rate > 0)) {
      throw new IllegalArgumentException("Table " + table.name() + ": 'first-event.rate' must be positive");
    }
    if (number(table, "next-event.rate", String.valueOf(rate)) != rate) {
      throw new IllegalArgumentException("Table " + table.name() + ": a 'next-event.rate' other than 'first-event.rate'"
          + " is not supported (the generator keeps one rate)");
    }
    FIXED.forEach((key, standard) -> {
      if (number(table, key, standard) != Double.parseDouble(standard)) {
        throw new IllegalArgumentException("Table " + table.name() + ": only the standard '" + key + "' = '" + standard
            + "' is supported");
      }
    });
    long events = (long) number(table, "events.num", String.valueOf(Long.MAX_VALUE));
    long seed = (long) number(table, "seed", "0");
    boolean limited = Boolean.parseBoolean(table.option("rate.limited", "false"));
    GeneratorSource source = new GeneratorSource(seed, rate, events, limited ? rate : 0, null);
    try {
      return new EventRowSource((env, name) -> env.fromSource(source, WatermarkStrategy.noWatermarks(), name),
          table.physicalRowType());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Table " + table.name() + ": " + e.getMessage(), e);
    }
  }

  private static double number(CatalogTable table, String key, String fallback) {
    String v = table.option(key, fallback).trim();
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Table " + table.name() + ": '" + key + "' must be a number, not '" + v + "'");
    }
  }

  @Override
  public TableSink createSink(CatalogTable table) {
    throw new UnsupportedOperationException("Table " + table.name() + ": the nexmark connector can only be read");
  }
}
