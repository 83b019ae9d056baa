package io.eddy.table.runtime.operators.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.types.Row;
import io.eddy.table.runtime.operators.ChangelogModel;
import io.eddy.table.runtime.operators.RestoringHarness;
import io.eddy.table.runtime.operators.RowKeySelector;
import io.eddy.table.runtime.operators.aggregate.Accumulators;
import io.eddy.table.runtime.operators.aggregate.AggregateCall;
import io.eddy.table.runtime.operators.aggregate.Count;
import io.eddy.table.runtime.operators.aggregate.Sum;
import io.eddy.table.types.LogicalType;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
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
   * Random rows with watermarks against a model that keeps each key's sessions as a plain list
   * and merges, drops and fires them as the class comment says. With restores, rows come in time
   * order (a restored operator starts without a watermark, so lateness must not depend on it).
   */
  @ParameterizedTest
  @CsvSource({"1, false", "2, false", "3, true", "4, true"})
  void randomRowsMatchASessionModel(long seed, boolean restore) throws Exception {
    Random random = new Random(seed);
    RestoringHarness h = harness(restore);
    Map<String, List<long[]>> open = new HashMap<>();
    List<Row> expected = new ArrayList<>();
    long maxTime = 0;
    long watermark = Long.MIN_VALUE;
    for (int i = 0; i < 200; i++) {
      maxTime += random.nextInt(4);
      long t = restore ? maxTime : Math.max(0, maxTime - random.nextInt(15));
      String key = "k" + random.nextInt(3);
      long v = random.nextInt(100);
      h.element(Row.of(key, v, at(t)), t);
      // model: [start, end, count, sum]
      List<long[]> sessions = open.computeIfAbsent(key, k -> new ArrayList<>());
      long[] merged = {t, t + GAP, 1, v};
      List<long[]> overlapping = sessions.stream().filter(s -> s[0] <= t + GAP && s[1] >= t).toList();
      for (long[] s : overlapping) {
        merged = new long[] {Math.min(merged[0], s[0]), Math.max(merged[1], s[1]), merged[2] + s[2], merged[3] + s[3]};
      }
      if (merged[1] - 1 > watermark) {
        sessions.removeAll(overlapping);
        sessions.add(merged);
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

  private static void fire(Map<String, List<long[]>> open, long watermark, List<Row> expected) {
    open.forEach((key, sessions) -> sessions.removeIf(s -> {
      if (s[1] - 1 <= watermark) {
        expected.add(Row.of(key, s[2], s[3], at(s[0]), at(s[1]), at(s[1] - 1)));
        return true;
      }
      return false;
    }));
  }
}
