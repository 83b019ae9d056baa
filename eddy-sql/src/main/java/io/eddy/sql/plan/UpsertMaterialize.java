package io.eddy.sql.plan;

import java.util.Locale;

/**
 * {@code table.exec.sink.upsert-materialize} (Flink's ExecutionConfigOptions.UpsertMaterialize):
 * whether an INSERT into a table with a primary key materializes its rows by that key first.
 */
public enum UpsertMaterialize {
  /** Never. */
  NONE,
  /** When the query's upsert key is not part of the primary key (and ON CONFLICT DO DEDUPLICATE allows it). */
  AUTO,
  /** Always, for a table with a primary key. */
  FORCE;

  public static UpsertMaterialize parse(String value) {
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("table.exec.sink.upsert-materialize must be NONE, AUTO or FORCE, not '"
          + value + "'");
    }
  }
}
