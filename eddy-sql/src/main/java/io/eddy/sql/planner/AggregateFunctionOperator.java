package io.eddy.sql.planner;

import io.eddy.table.functions.AggregateFunction;
import io.eddy.table.functions.EvalMethod;
import io.eddy.table.types.LogicalType;
import java.util.List;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.Optionality;

/**
 * A user {@link AggregateFunction} as Calcite sees it: a call validates when one of the class's
 * {@code accumulate(acc, args...)} overloads accepts its argument types, and is typed, nullable,
 * by the class's declared output ({@link FunctionOutputType}). The runtime side is
 * {@link Aggregators}.
 */
public final class AggregateFunctionOperator extends SqlAggFunction {
  private final Class<? extends AggregateFunction<?, ?>> functionClass;

  public AggregateFunctionOperator(String name, Class<? extends AggregateFunction<?, ?>> functionClass) {
    super(name, null, SqlKind.OTHER_FUNCTION,
        binding -> TypeConversion.toRelDataType(binding.getTypeFactory(), outputType(functionClass)),
        null, new EvalOperandChecker(functionClass, "accumulate", 1), SqlFunctionCategory.USER_DEFINED_FUNCTION,
        false, false, Optionality.FORBIDDEN);
    this.functionClass = functionClass;
    if (EvalMethod.candidates(functionClass, "accumulate", 1).isEmpty()) {
      throw new IllegalArgumentException("Function class " + functionClass.getName()
          + " has no public method accumulate(accumulator, ...)");
    }
    outputType(functionClass);
  }

  public Class<? extends AggregateFunction<?, ?>> functionClass() {
    return functionClass;
  }

  /** The accumulate (or retract) overload for these argument types, null if there is none. */
  public EvalMethod resolve(String method, List<LogicalType> argTypes) {
    return EvalMethod.resolve(functionClass, method, 1, argTypes);
  }

  private static LogicalType outputType(Class<?> functionClass) {
    LogicalType t = FunctionOutputType.of(functionClass, AggregateFunction.class);
    if (t == null) {
      throw new IllegalArgumentException("Function class " + functionClass.getName()
          + ": cannot tell its result type; declare it with @FunctionHint(output = \"...\")");
    }
    return t.copy(true);
  }
}
