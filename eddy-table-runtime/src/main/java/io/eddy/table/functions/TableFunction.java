package io.eddy.table.functions;

import io.eddy.api.functions.Collector;

/**
 * A user function mapping scalar arguments to zero or more rows (Flink's TableFunction), used as
 * {@code LATERAL TABLE(f(x))} in FROM: its {@code eval} methods call {@link #collect} once per
 * output row. Rows of a single column are the values themselves (column {@code f0}); several
 * columns need {@link FunctionHint#output()} naming a ROW type, and the values are then
 * {@link io.eddy.api.types.Row}s.
 *
 * @param <T> the type of one output row
 */
public abstract class TableFunction<T> extends UserDefinedFunction {
  private static final long serialVersionUID = 1L;

  private transient Collector<T> collector;

  /** Emits one output row for the current input row. */
  protected final void collect(T row) {
    collector.collect(row);
  }

  /** Where {@link #collect} sends rows; set by the operator before each evaluation. */
  public final void setCollector(Collector<T> collector) {
    this.collector = collector;
  }
}
