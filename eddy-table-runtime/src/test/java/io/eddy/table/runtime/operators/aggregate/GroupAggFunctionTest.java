package io.eddy.table.runtime.operators.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import io.eddy.table.runtime.operators.ChangelogModel;
import io.eddy.table.runtime.operators.RestoringHarness;
import io.eddy.table.runtime.operators.RowKeySelector;
import io.eddy.table.types.LogicalType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GroupAggFunctionTest {

  /** COUNT(*), SUM(v), MAX(v), COUNT(DISTINCT v) per key over rows [key, v]. */
  private static RestoringHarness harness(boolean restore, boolean updateBefore) throws Exception {
    Accumulators accs = new Accumulators(List.of(
        new AggregateCall("COUNT(*)", new Count(), -1, -1),
        new AggregateCall("SUM(v)", new Sum(LogicalType.bigint()), 1, -1),
        new AggregateCall("MAX(v)", new MinMax(true, true), 1, -1),
        new AggregateCall("COUNT(DISTINCT v)", new Distinct(new Count()), 1, -1)));
    GroupAggregation aggregation = new GroupAggregation(accs, updateBefore);
    return new RestoringHarness(s -> s.keyBy(new RowKeySelector(new int[] {0}))
        .process(new GroupAggFunction(aggregation, Duration.ZERO)), restore);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void emitsInsertUpdatesAndDeleteAsRowsComeAndGo(boolean restore) throws Exception {
    RestoringHarness h = harness(restore, true);
    h.element(Row.ofKind(RowKind.INSERT, "a", 1L), 0);
    h.element(Row.ofKind(RowKind.INSERT, "a", 3L), 0);
    h.element(Row.ofKind(RowKind.UPDATE_BEFORE, "a", 3L), 0);
    h.element(Row.ofKind(RowKind.UPDATE_AFTER, "a", 1L), 0);
    h.element(Row.ofKind(RowKind.INSERT, "a", null), 0);
    h.element(Row.ofKind(RowKind.DELETE, "b", 9L), 0);
    h.element(Row.ofKind(RowKind.DELETE, "a", 1L), 0);
    h.element(Row.ofKind(RowKind.DELETE, "a", 1L), 0);
    h.element(Row.ofKind(RowKind.DELETE, "a", null), 0);
    assertThat(h.output()).extracting(Row::toString).containsExactly(
        "+I[a, 1, 1, 1, 1]",
        "-U[a, 1, 1, 1, 1]", "+U[a, 2, 4, 3, 2]",
        "-U[a, 2, 4, 3, 2]", "+U[a, 1, 1, 1, 1]",
        "-U[a, 1, 1, 1, 1]", "+U[a, 2, 2, 1, 1]",
        "-U[a, 2, 2, 1, 1]", "+U[a, 3, 2, 1, 1]",
        "-U[a, 3, 2, 1, 1]", "+U[a, 2, 1, 1, 1]",
        "-U[a, 2, 1, 1, 1]", "+U[a, 1, null, null, 0]",
        "-D[a, 1, null, null, 0]");
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void upsertModeOmitsUpdateBefore(boolean restore) throws Exception {
    RestoringHarness h = harness(restore, false);
    h.element(Row.of("a", 1L), 0);
    h.element(Row.of("a", 2L), 0);
    assertThat(h.output()).extracting(Row::toString).containsExactly("+I[a, 1, 1, 1, 1]", "+U[a, 2, 3, 2, 2]");
  }

  /**
   * Random inserts and retractions of present rows; the operator's changelog, applied, must equal
   * the aggregates of the multiset of rows present (computed directly), after every run.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void randomChangelogMatchesMultisetModel(long seed) throws Exception {
    Random random = new Random(seed);
    RestoringHarness h = harness(seed == 2, true);
    List<Row> present = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      if (!present.isEmpty() && random.nextInt(3) == 0) {
        Row gone = present.remove(random.nextInt(present.size()));
        h.element(Row.copyWithKind(gone, random.nextBoolean() ? RowKind.DELETE : RowKind.UPDATE_BEFORE), 0);
      } else {
        Row row = Row.of("k" + random.nextInt(4), random.nextInt(5) == 0 ? null : (long) random.nextInt(10));
        present.add(row);
        h.element(Row.copyWithKind(row, random.nextBoolean() ? RowKind.INSERT : RowKind.UPDATE_AFTER), 0);
      }
    }
    Map<Row, Integer> table = ChangelogModel.apply(h.output());
    Map<String, List<Long>> values = new TreeMap<>();
    for (Row r : present) {
      values.computeIfAbsent((String) r.getField(0), k -> new ArrayList<>()).add((Long) r.getField(1));
    }
    Map<Row, Integer> expected = new HashMap<>();
    values.forEach((key, vs) -> {
      List<Long> nonNull = vs.stream().filter(v -> v != null).toList();
      expected.put(Row.of(key, (long) vs.size(), nonNull.isEmpty() ? null : nonNull.stream().mapToLong(v -> v).sum(),
          nonNull.stream().max(Long::compare).orElse(null), nonNull.stream().distinct().count()), 1);
    });
    assertThat(table).isEqualTo(expected);
  }
}
