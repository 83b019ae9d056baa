package io.eddy.table.runtime.operators.join.lookup;

import io.eddy.api.types.Row;
import java.io.Serializable;
import java.util.Collection;

/**
 * Fetches the rows of an external table whose lookup-key columns equal given values (Flink's
 * {@code LookupFunction}, what a lookup-capable connector provides for a lookup join). Built by the
 * planner, shipped to each subtask by serialization, then opened there once before the first
 * lookup and closed after the last (also on failure). Called from the task thread only.
 */
public interface LookupFunction extends Serializable {
  /** Connects to the external system; a failure names what it could not reach. */
  void open() throws Exception;

  /**
   * The rows (all of the table's physical columns, INSERT kind) whose key columns, in the order the
   * function was built with, equal {@code key}'s fields; empty when none. {@code key} holds no NULL.
   * The returned rows must not be changed by the caller.
   */
  Collection<Row> lookup(Row key) throws Exception;

  void close() throws Exception;
}
