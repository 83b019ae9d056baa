package io.eddy.sql.connector;

import io.eddy.table.runtime.operators.join.lookup.LookupFunction;

/**
 * A table that can be looked up by the values of some of its columns (Flink's
 * {@code LookupTableSource}): what a lookup join ({@code JOIN t FOR SYSTEM_TIME AS OF
 * probe.proctime}) reads. The planner picks the key columns from the join condition.
 */
public interface LookupTableSource {
  /**
   * A function fetching the rows whose columns {@code keyColumns} (indices among the table's
   * physical columns) equal a key's fields in that order, with the connector's cache, if any.
   */
  LookupFunction lookupFunction(int[] keyColumns);
}
