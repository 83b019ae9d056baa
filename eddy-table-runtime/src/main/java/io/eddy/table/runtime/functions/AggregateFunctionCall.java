package io.eddy.table.runtime.functions;

import io.eddy.api.types.RecordCopier;
import io.eddy.api.types.Row;
import io.eddy.table.functions.AggregateFunction;
import io.eddy.table.functions.EvalMethod;
import io.eddy.table.functions.FunctionContext;
import io.eddy.table.runtime.functions.ScalarFunctionCall.SerializableUnaryOperator;
import io.eddy.table.runtime.operators.aggregate.RowAggregator;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;

/**
 * A call of a user {@link AggregateFunction} in an aggregation: its accumulator (the function's
 * own object) is the one slot of the group's accumulator row; rows go to the resolved
 * {@code accumulate} / {@code retract} overloads with all argument values, NULLs included (a NULL
 * for a primitive parameter skips the call, as for scalar functions); {@code getValue} brings
 * the result to the call's SQL type. Each subtask's copy holds its own function instance, opened
 * before its first use. Retractions need a {@code retract} method; the planner refuses an
 * updating input otherwise. Merging accumulators (session windows) needs a public
 * {@code merge(ACC, Iterable<ACC>)} method, as in Flink.
 */
public final class AggregateFunctionCall implements RowAggregator {
  private static final long serialVersionUID = 1L;

  private final AggregateFunction<Object, Object> function;
  private final EvalMethod accumulate;
  private final EvalMethod retract;
  private final SerializableUnaryOperator toResultType;
  private transient boolean opened;
  private transient Method merge;

  /** {@code retract} null if the function has none for these argument types. */
  @SuppressWarnings("unchecked")
  public AggregateFunctionCall(AggregateFunction<?, ?> function, EvalMethod accumulate, EvalMethod retract,
      SerializableUnaryOperator toResultType) {
    this.function = (AggregateFunction<Object, Object>) function;
    this.accumulate = accumulate;
    this.retract = retract;
    this.toResultType = toResultType;
  }

  @Override
  public int slots() {
    return 1;
  }

  @Override
  public void init(Row acc, int offset) {
    acc.setField(offset, opened().createAccumulator());
  }

  @Override
  public void accumulate(Row acc, int offset, Object value) {
    accumulate.invokeWith(opened(), new Object[] {acc.getField(offset)}, (Object[]) value);
  }

  @Override
  public void retract(Row acc, int offset, Object value) {
    if (retract == null) {
      throw new IllegalStateException(function.getClass().getName()
          + " has no retract method for its arguments but its input updates");
    }
    retract.invokeWith(opened(), new Object[] {acc.getField(offset)}, (Object[]) value);
  }

  @Override
  public void merge(Row acc, Row other, int offset) {
    if (merge == null) {
      merge = mergeMethod(function.getClass());
      if (merge == null) {
        throw new IllegalStateException(function.getClass().getName()
            + " has no method merge(accumulator, Iterable) but its accumulators must merge (session window)");
      }
    }
    try {
      merge.invoke(opened(), acc.getField(offset), List.of(other.getField(offset)));
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(function.getClass().getName() + ".merge failed: " + e.getCause(), e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(function.getClass().getName() + ".merge is not accessible (the class must be public)", e);
    }
  }

  @Override
  public boolean supportsMerge() {
    return mergeMethod(function.getClass()) != null;
  }

  /** The public {@code merge(ACC, Iterable)} method of the function's class, or null. */
  private static Method mergeMethod(Class<?> functionClass) {
    for (Method m : functionClass.getMethods()) {
      if (m.getName().equals("merge") && m.getParameterCount() == 2 && m.getParameterTypes()[1] == Iterable.class) {
        return m;
      }
    }
    return null;
  }

  @Override
  public Object getValue(Row acc, int offset) {
    Object result = opened().getValue(acc.getField(offset));
    // a copy: the function may return (part of) its accumulator, which later rows change
    return result == null ? null : RecordCopier.copy(toResultType.apply(result));
  }

  @Override
  public boolean supportsRetraction() {
    return retract != null;
  }

  @Override
  public boolean skipsNullArguments() {
    return false;
  }

  private AggregateFunction<Object, Object> opened() {
    if (!opened) {
      try {
        function.open(new FunctionContext(function.getClass().getClassLoader()));
      } catch (Exception e) {
        throw new IllegalStateException(function.getClass().getName() + ".open failed: " + e, e);
      }
      opened = true;
    }
    return function;
  }
}
