package io.eddy.sql.planner;

import io.eddy.sql.codegen.JsonArrayAgg;
import io.eddy.sql.codegen.JsonObjectAgg;
import io.eddy.sql.codegen.Values;
import io.eddy.table.functions.AggregateFunction;
import io.eddy.table.functions.EvalMethod;
import io.eddy.table.runtime.functions.AggregateFunctionCall;
import io.eddy.table.runtime.operators.aggregate.Avg;
import io.eddy.table.runtime.operators.aggregate.Count;
import io.eddy.table.runtime.operators.aggregate.Distinct;
import io.eddy.table.runtime.operators.aggregate.FirstLastValue;
import io.eddy.table.runtime.operators.aggregate.ListAgg;
import io.eddy.table.runtime.operators.aggregate.MinMax;
import io.eddy.table.runtime.operators.aggregate.RowAggregator;
import io.eddy.table.runtime.operators.aggregate.Sum;
import io.eddy.table.types.LogicalType;
import java.util.List;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlKind;

/**
 * The runtime aggregator of an SQL aggregate call, as Flink's AggFunctionFactory picks it: the
 * retracting variant (MIN/MAX, FIRST_VALUE/LAST_VALUE keeping their values) where the input
 * updates, a user {@link AggregateFunction} through {@link AggregateFunctionCall}. Built-ins read
 * one argument field; further arguments must be constants ({@code constants}, null where an
 * argument is not one), as LISTAGG's separator.
 */
final class Aggregators {
  private Aggregators() {}

  /** Whether the call's aggregator reads all its arguments as fields (a user function) or only the first. */
  static boolean readsAllArguments(SqlAggFunction function) {
    return function instanceof AggregateFunctionOperator || function.getKind() == SqlKind.JSON_OBJECTAGG
        || function.getKind() == SqlKind.JSON_ARRAYAGG;
  }

  static RowAggregator of(SqlAggFunction function, boolean distinct, LogicalType result, List<LogicalType> argTypes,
      List<Object> constants, boolean retractions) {
    if (function instanceof AggregateFunctionOperator udf) {
      if (distinct) {
        throw new UnsupportedOperationException("DISTINCT on the user aggregate function " + function.getName()
            + " is not supported yet");
      }
      return userFunction(udf, result, argTypes, retractions);
    }
    int expected = function.getKind() == SqlKind.LISTAGG || function.getKind() == SqlKind.JSON_OBJECTAGG ? 2 : 1;
    if (argTypes.size() > expected) {
      throw new UnsupportedOperationException("aggregate function " + function.getName() + " with "
          + argTypes.size() + " arguments is not supported");
    }
    LogicalType argType = argTypes.isEmpty() ? null : argTypes.get(0);
    RowAggregator aggregator = switch (function.getKind()) {
      case COUNT -> new Count();
      case SUM, SUM0 -> new Sum(result);
      case MIN -> new MinMax(false, retractions || distinct);
      case MAX -> new MinMax(true, retractions || distinct);
      case AVG -> new Avg(argType, result);
      case FIRST_VALUE -> new FirstLastValue(false, retractions || distinct);
      case LAST_VALUE -> new FirstLastValue(true, retractions || distinct);
      case LISTAGG -> new ListAgg(separator(constants));
      case JSON_ARRAYAGG -> new JsonArrayAgg(function.getName().endsWith("NULL_ON_NULL"));
      case JSON_OBJECTAGG -> new JsonObjectAgg(function.getName().endsWith("NULL_ON_NULL"));
      default -> throw new UnsupportedOperationException("aggregate function " + function.getName()
          + " is not supported yet");
    };
    return distinct ? new Distinct(aggregator) : aggregator;
  }

  private static String separator(List<Object> constants) {
    if (constants.size() < 2) {
      return ",";
    }
    if (!(constants.get(1) instanceof String separator)) {
      throw new UnsupportedOperationException("LISTAGG's separator must be a string literal");
    }
    return separator;
  }

  private static RowAggregator userFunction(AggregateFunctionOperator udf, LogicalType result,
      List<LogicalType> argTypes, boolean retractions) {
    EvalMethod accumulate = udf.resolve("accumulate", argTypes);
    EvalMethod retract = udf.resolve("retract", argTypes);
    if (retractions && retract == null) {
      throw new UnsupportedOperationException("Function class " + udf.functionClass().getName()
          + " has no method retract(accumulator, " + argTypes + ") but the aggregate's input "
          + "updates (Flink requires retract for a changelog input)");
    }
    AggregateFunction<?, ?> instance;
    try {
      instance = udf.functionClass().getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("Cannot instantiate " + udf.functionClass().getName() + ": " + e, e);
    }
    boolean convert = result.root() == LogicalType.Root.DECIMAL
        || result.isString() && result.precision() != LogicalType.MAX_LENGTH;
    return new AggregateFunctionCall(instance, accumulate, retract, convert ? v -> Values.cast(v, result) : v -> v);
  }
}
