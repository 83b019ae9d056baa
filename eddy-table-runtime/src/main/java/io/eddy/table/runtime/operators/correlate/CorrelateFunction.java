package io.eddy.table.runtime.operators.correlate;

import io.eddy.api.functions.ReadOnlyRecords;
import io.eddy.api.types.RecordCopier;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.FlatMapFunction;
import io.eddy.api.types.Row;
import io.eddy.table.functions.EvalMethod;
import io.eddy.table.functions.FunctionContext;
import io.eddy.table.functions.TableFunction;
import io.eddy.table.runtime.RowExpression;

/**
 * Joins each row with the rows a user {@link TableFunction} produces for it (Flink's Correlate,
 * {@code FROM t, LATERAL TABLE(f(t.x))}): the output is the input's fields followed by the
 * function row's, with the input's kind, so a retraction of the input retracts what its
 * insertion produced (the function must be deterministic). With {@code leftOuter}
 * ({@code LEFT JOIN LATERAL TABLE(...) ON TRUE}) an input without function rows leaves padded
 * with NULLs. Stateless.
 */
public final class CorrelateFunction implements FlatMapFunction<Row, Row>, ReadOnlyRecords {
  private static final long serialVersionUID = 1L;

  private final TableFunction<Object> function;
  private final EvalMethod eval;
  private final RowExpression[] args;
  private final int functionArity;
  private final boolean collectsValues;
  private final boolean leftOuter;
  private transient boolean opened;

  /**
   * @param collectsValues the function collects single values (one column) rather than Rows
   */
  @SuppressWarnings("unchecked")
  public CorrelateFunction(TableFunction<?> function, EvalMethod eval, RowExpression[] args, int functionArity,
      boolean collectsValues, boolean leftOuter) {
    this.function = (TableFunction<Object>) function;
    this.eval = eval;
    this.args = args.clone();
    this.functionArity = functionArity;
    this.collectsValues = collectsValues;
    this.leftOuter = leftOuter;
  }

  @Override
  public void flatMap(Row row, Collector<Row> out) throws Exception {
    if (!opened) {
      function.open(new FunctionContext(function.getClass().getClassLoader()));
      opened = true;
    }
    Object[] values = new Object[args.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = args[i].eval(row);
    }
    int[] emitted = {0};
    function.setCollector(value -> {
      out.collect(joined(row, RecordCopier.copy(value))); // the function may reuse what it emits
      emitted[0]++;
    });
    eval.invoke(function, values);
    if (emitted[0] == 0 && leftOuter) {
      out.collect(joined(row, null));
    }
  }

  private Row joined(Row row, Object value) {
    int n = row.getArity();
    Object[] fields = new Object[n + functionArity];
    for (int i = 0; i < n; i++) {
      fields[i] = row.getField(i);
    }
    if (value != null) {
      if (collectsValues) {
        fields[n] = value;
      } else {
        Row r = (Row) value;
        for (int i = 0; i < functionArity; i++) {
          fields[n + i] = r.getField(i);
        }
      }
    }
    return Row.wrap(row.getKind(), fields);
  }
}
