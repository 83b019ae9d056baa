package io.eddy.table.runtime.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import io.eddy.table.functions.AggregateFunction;
import io.eddy.table.functions.EvalMethod;
import io.eddy.table.runtime.operators.ChangelogModel;
import io.eddy.table.runtime.operators.RestoringHarness;
import io.eddy.table.runtime.operators.RowKeySelector;
import io.eddy.table.runtime.operators.aggregate.AggregateCall;
import io.eddy.table.runtime.operators.aggregate.Accumulators;
import io.eddy.table.runtime.operators.aggregate.GroupAggFunction;
import io.eddy.table.runtime.operators.aggregate.GroupAggregation;
import io.eddy.table.types.LogicalType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A user aggregate function with a POJO accumulator in a group aggregation, snapshotted between steps. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class AggregateFunctionCallTest {

  /** The accumulator: a POJO as Flink's documentation writes them (public fields, not Serializable). */
  public static class RangeAccumulator {
    public long count;
    public long sum;
    public String label;
  }

  /** "label:count:sum" of (value, weight) rows, counting NULL values; retract undoes accumulate. */
  public static class Summary extends AggregateFunction<String, RangeAccumulator> {
    @Override
    public RangeAccumulator createAccumulator() {
      RangeAccumulator acc = new RangeAccumulator();
      acc.label = "s";
      return acc;
    }

    public void accumulate(RangeAccumulator acc, Long value, int weight) {
      acc.count++;
      acc.sum += value == null ? 0 : value * weight;
    }

    public void retract(RangeAccumulator acc, Long value, int weight) {
      acc.count--;
      acc.sum -= value == null ? 0 : value * weight;
    }

    @Override
    public String getValue(RangeAccumulator acc) {
      return acc.label + ":" + acc.count + ":" + acc.sum;
    }
  }

  /** summary(v, w) per key over rows [key, v, w]. */
  private static RestoringHarness harness(boolean restore) throws Exception {
    List<LogicalType> args = List.of(LogicalType.bigint(), LogicalType.integer().copy(false));
    AggregateFunctionCall call = new AggregateFunctionCall(new Summary(),
        EvalMethod.resolve(Summary.class, "accumulate", 1, args), EvalMethod.resolve(Summary.class, "retract", 1, args),
        v -> v);
    Accumulators accs = new Accumulators(List.of(new AggregateCall("summary(v, w)", call, new int[] {1, 2}, -1)));
    return new RestoringHarness(s -> s.keyBy(new RowKeySelector(new int[] {0}))
        .process(new GroupAggFunction(new GroupAggregation(accs, true), Duration.ZERO)), restore);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void nullArgumentsReachTheFunctionAndRetractUndoes(boolean restore) throws Exception {
    RestoringHarness h = harness(restore);
    h.element(Row.of("a", 2L, 3), 0);
    h.element(Row.of("a", null, 1), 0);
    h.element(Row.ofKind(RowKind.UPDATE_BEFORE, "a", 2L, 3), 0);
    h.element(Row.ofKind(RowKind.UPDATE_AFTER, "a", 5L, 1), 0);
    assertThat(h.output()).extracting(Row::toString).containsExactly(
        "+I[a, s:1:6]",
        "-U[a, s:1:6]", "+U[a, s:2:6]",
        "-U[a, s:2:6]", "+U[a, s:1:0]",
        "-U[a, s:1:0]", "+U[a, s:2:5]");
  }

  /** Random inserts and retractions of present rows; the applied changelog equals the function over the present multiset. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void randomChangelogMatchesMultisetModel(long seed) throws Exception {
    Random random = new Random(seed);
    RestoringHarness h = harness(seed != 1);
    List<Row> present = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      if (!present.isEmpty() && random.nextInt(3) == 0) {
        Row gone = present.remove(random.nextInt(present.size()));
        h.element(Row.copyWithKind(gone, random.nextBoolean() ? RowKind.DELETE : RowKind.UPDATE_BEFORE), 0);
      } else {
        Row row = Row.of("k" + random.nextInt(3), random.nextInt(5) == 0 ? null : (long) random.nextInt(10),
            1 + random.nextInt(3));
        present.add(row);
        h.element(Row.copyWithKind(row, random.nextBoolean() ? RowKind.INSERT : RowKind.UPDATE_AFTER), 0);
      }
    }
    Map<String, long[]> sums = new TreeMap<>();
    for (Row r : present) {
      long[] s = sums.computeIfAbsent((String) r.getField(0), k -> new long[2]);
      s[0]++;
      s[1] += r.getField(1) == null ? 0 : (Long) r.getField(1) * (Integer) r.getField(2);
    }
    Map<Row, Integer> expected = new HashMap<>();
    sums.forEach((key, s) -> expected.put(Row.of(key, "s:" + s[0] + ":" + s[1]), 1));
    assertThat(ChangelogModel.apply(h.output())).isEqualTo(expected);
  }
}
