package io.eddy.sql.functions;

import io.eddy.table.functions.AggregateFunction;

/**
 * User aggregate functions the SQL tests register with CREATE FUNCTION, written as Flink's
 * documentation writes them (only the package of AggregateFunction differs).
 */
public final class TestAggregateFunctions {
  private TestAggregateFunctions() {}

  /** Flink's documentation example: the accumulator of a weighted average. */
  public static class WeightedAvgAccumulator {
    public long sum = 0;
    public int count = 0;
  }

  /** Flink's documentation example: the weighted average of (value, weight), with retract, merge and reset. */
  public static class WeightedAvg extends AggregateFunction<Long, WeightedAvgAccumulator> {
    @Override
    public WeightedAvgAccumulator createAccumulator() {
      return new WeightedAvgAccumulator();
    }

    @Override
    public Long getValue(WeightedAvgAccumulator acc) {
      if (acc.count == 0) {
        return null;
      } else {
        return acc.sum / acc.count;
      }
    }

    public void accumulate(WeightedAvgAccumulator acc, Long iValue, Integer iWeight) {
      acc.sum += iValue * iWeight;
      acc.count += iWeight;
    }

    public void retract(WeightedAvgAccumulator acc, Long iValue, Integer iWeight) {
      acc.sum -= iValue * iWeight;
      acc.count -= iWeight;
    }

    public void merge(WeightedAvgAccumulator acc, Iterable<WeightedAvgAccumulator> it) {
      for (WeightedAvgAccumulator a : it) {
        acc.count += a.count;
        acc.sum += a.sum;
      }
    }

    public void resetAccumulator(WeightedAvgAccumulator acc) {
      acc.count = 0;
      acc.sum = 0L;
    }
  }

  /** The longest string of a group; no retract method, so only for insert-only inputs. */
  public static class Longest extends AggregateFunction<String, StringBuilder> {
    @Override
    public StringBuilder createAccumulator() {
      return new StringBuilder();
    }

    public void accumulate(StringBuilder acc, String s) {
      if (s != null && s.length() > acc.length()) {
        acc.setLength(0);
        acc.append(s);
      }
    }

    @Override
    public String getValue(StringBuilder acc) {
      return acc.isEmpty() ? null : acc.toString();
    }
  }
}
