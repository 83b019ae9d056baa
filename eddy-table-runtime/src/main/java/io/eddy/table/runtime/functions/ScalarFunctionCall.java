package io.eddy.table.runtime.functions;

import io.eddy.api.types.RecordCopier;
import io.eddy.api.types.Row;
import io.eddy.table.functions.EvalMethod;
import io.eddy.table.functions.FunctionContext;
import io.eddy.table.functions.ScalarFunction;
import io.eddy.table.runtime.RowExpression;
import java.util.function.UnaryOperator;

/**
 * A call of a user {@link ScalarFunction} in an expression: evaluates the arguments, calls the
 * resolved eval method and brings the result to the call's SQL type (e.g. a BigDecimal to the
 * declared scale). Each subtask's copy of the expression holds its own function instance, opened
 * before its first evaluation.
 */
public final class ScalarFunctionCall implements RowExpression {
  private static final long serialVersionUID = 1L;

  private final ScalarFunction function;
  private final EvalMethod eval;
  private final RowExpression[] args;
  private final UnaryOperator<Object> toResultType;
  private transient boolean opened;

  public ScalarFunctionCall(ScalarFunction function, EvalMethod eval, RowExpression[] args,
      SerializableUnaryOperator toResultType) {
    this.function = function;
    this.eval = eval;
    this.args = args.clone();
    this.toResultType = toResultType;
  }

  @Override
  public Object eval(Row row) {
    if (!opened) {
      try {
        function.open(new FunctionContext(function.getClass().getClassLoader()));
      } catch (Exception e) {
        throw new IllegalStateException(function.getClass().getName() + ".open failed: " + e, e);
      }
      opened = true;
    }
    Object[] values = new Object[args.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = args[i].eval(row);
    }
    Object result = eval.invoke(function, values);
    // a copy: the function may keep and change what it returned, rows may not change (Flink converts it)
    return result == null ? null : RecordCopier.copy(toResultType.apply(result));
  }

  /** A serializable conversion of a function's result to its SQL type's values. */
  @FunctionalInterface
  public interface SerializableUnaryOperator extends UnaryOperator<Object>, java.io.Serializable {}
}
