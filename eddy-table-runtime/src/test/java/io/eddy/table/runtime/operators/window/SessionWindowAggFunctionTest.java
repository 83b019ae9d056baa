package io.eddy.table.runtime.operators.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.types.Row;
import io.eddy.table.runtime.operators.ChangelogModel;
import io.eddy.table.runtime.operators.RestoringHarness;
import io.eddy.table.runtime.operators.RowKeySelector;
import io.eddy.table.runtime.operators.aggregate.Accumulators;
import io.eddy.table.runtime.operators.aggregate.AggregateCall;
import io.eddy.table.runtime.operators.aggregate.Avg;
import io.eddy.table.runtime.operators.aggregate.Count;
import io.eddy.table.runtime.operators.aggregate.Distinct;
import io.eddy.table.runtime.operators.aggregate.FirstLastValue;
import io.eddy.table.runtime.operators.aggregate.ListAgg;
import io.eddy.table.runtime.operators.aggregate.MinMax;
import io.eddy.table.runtime.operators.aggregate.Sum;
import io.eddy.table.types.LogicalType;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SessionWindowAggFunctionTest {
  private static final long GAP = 10;

  private static LocalDateTime at(long millis) {
    return WindowAggFunction.toTimestamp(millis);
  }

  /** COUNT(*), SUM(v) per key over rows [key, v, ts], sessions of gap 10 ms. */
  private static RestoringHarness harness(boolean restore) throws Exception {
    Accumulators accs = new Accumulators(List.of(new AggregateCall("COUNT(*)", new Count(), -1, -1),
        new AggregateCall("SUM(v)", new Sum(LogicalType.bigint()), 1, -1)));
    return new RestoringHarness(s -> s.keyBy(new RowKeySelector(new int[] {0}))
        .process(new SessionWindowAggFunction(GAP, 2, accs)), restore);
  }

  @Test
  void touchingWindowsMergeAndALateRowCountsOnlyIfItJoinsALiveSession() throws Exception {
    RestoringHarness h = harness(false);
    h.element(Row.of("a", 1L, at(0)), 0);
    h.element(Row.of("a", 2L, at(10)), 10);
    h.element(Row.of("a", 4L, at(31)), 31);
    h.watermark(25);
    h.element(Row.of("a", 8L, at(5)), 5);
    h.element(Row.of("a", 16L, at(22)), 22);
    h.element(Row.of("a", 32L, at(16)), 16);
    h.watermark(Long.MAX_VALUE);
    assertThat(h.output()).extracting(Row::toString).containsExactly(
        "+I[a, 2, 3, 1970-01-01T00:00, 1970-01-01T00:00:00.020, 1970-01-01T00:00:00.019]",
        "+I[a, 3, 52, 1970-01-01T00:00:00.016, 1970-01-01T00:00:00.041, 1970-01-01T00:00:00.040]");
  }

  /**
   * COUNT(*), SUM(v), MIN(v), MAX(v) (with retraction, so its value counts merge), AVG(v),
   * COUNT(DISTINCT s), LISTAGG(s), FIRST_VALUE(v), LAST_VALUE(s) (with retraction) over rows
   * [key, v, ts, s]: every aggregator's merge is exercised when sessions merge.
   */
  private static RestoringHarness allAggregates(boolean restore) throws Exception {
    Accumulators accs = new Accumulators(List.of(
        new AggregateCall("COUNT(*)", new Count(), -1, -1),
        new AggregateCall("SUM(v)", new Sum(LogicalType.bigint()), 1, -1),
        new AggregateCall("MIN(v)", new MinMax(false, false), 1, -1),
        new AggregateCall("MAX(v)", new MinMax(true, true), 1, -1),
        new AggregateCall("AVG(v)", new Avg(LogicalType.bigint(), LogicalType.bigint()), 1, -1),
        new AggregateCall("COUNT(DISTINCT s)", new Distinct(new Count()), 3, -1),
        new AggregateCall("LISTAGG(s)", new ListAgg(","), 3, -1),
        new AggregateCall("FIRST_VALUE(v)", new FirstLastValue(false, false), 1, -1),
        new AggregateCall("LAST_VALUE(s)", new FirstLastValue(true, true), 3, -1)));
    return new RestoringHarness(s -> s.keyBy(new RowKeySelector(new int[] {0}))
        .process(new SessionWindowAggFunction(GAP, 2, accs)), restore);
  }

  /** A session of the model: its bounds and its rows' [v, s] in the order the operator folds them. */
  private record ModelSession(long start, long end, List<Object[]> rows) {}

  /**
   * Random rows with watermarks against a model that keeps each key's sessions with their rows
   * and merges (rows of the merged sessions by start, then the new row), drops and fires them as
   * the class comment says, aggregating a session's rows only when it fires. With restores,
   * rows come in time order (a restored operator starts without a watermark, so lateness must
   * not depend on it).
   */
  @ParameterizedTest
  @CsvSource({"1, false", "2, false", "3, true", "4, true", "5, false", "6, true"})
  void randomRowsMatchASessionModel(long seed, boolean restore) throws Exception {
    Random random = new Random(seed);
    RestoringHarness h = allAggregates(restore);
    Map<String, List<ModelSession>> open = new HashMap<>();
    List<Row> expected = new ArrayList<>();
    long maxTime = 0;
    long watermark = Long.MIN_VALUE;
    for (int i = 0; i < 200; i++) {
      maxTime += random.nextInt(4);
      long t = restore ? maxTime : Math.max(0, maxTime - random.nextInt(15));
      String key = "k" + random.nextInt(3);
      long v = random.nextInt(100);
      String str = "s" + random.nextInt(4);
      h.element(Row.of(key, v, at(t), str), t);
      List<ModelSession> sessions = open.computeIfAbsent(key, k -> new ArrayList<>());
      List<ModelSession> overlapping = sessions.stream().filter(s -> s.start() <= t + GAP && s.end() >= t)
          .sorted(Comparator.comparingLong(ModelSession::start)).toList();
      long start = t;
      long end = t + GAP;
      List<Object[]> rows = new ArrayList<>();
      for (ModelSession s : overlapping) {
        start = Math.min(start, s.start());
        end = Math.max(end, s.end());
        rows.addAll(s.rows());
      }
      rows.add(new Object[] {v, str});
      if (end - 1 > watermark) {
        sessions.removeAll(overlapping);
        sessions.add(new ModelSession(start, end, rows));
      }
      if (random.nextInt(5) == 0) {
        watermark = maxTime - 5;
        h.watermark(watermark);
        fire(open, watermark, expected);
      }
    }
    h.watermark(Long.MAX_VALUE);
    fire(open, Long.MAX_VALUE, expected);
    assertThat(ChangelogModel.apply(h.output())).isEqualTo(ChangelogModel.of(expected));
  }

  private static void fire(Map<String, List<ModelSession>> open, long watermark, List<Row> expected) {
    open.forEach((key, sessions) -> sessions.removeIf(s -> {
      if (s.end() - 1 <= watermark) {
        List<Long> vs = s.rows().stream().map(r -> (Long) r[0]).toList();
        List<String> strs = s.rows().stream().map(r -> (String) r[1]).toList();
        long sum = vs.stream().mapToLong(Long::longValue).sum();
        expected.add(Row.of(key, (long) vs.size(), sum, Collections.min(vs), Collections.max(vs),
            sum / vs.size(), new HashSet<>(strs).stream().count(), String.join(",", strs), vs.get(0),
            strs.get(strs.size() - 1), at(s.start()), at(s.end()), at(s.end() - 1)));
        return true;
      }
      return false;
    }));
  }
}
