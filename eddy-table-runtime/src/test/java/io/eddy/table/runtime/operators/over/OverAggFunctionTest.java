package io.eddy.table.runtime.operators.over;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import io.eddy.table.runtime.operators.RestoringHarness;
import io.eddy.table.runtime.operators.RowKeySelector;
import io.eddy.table.runtime.operators.aggregate.Accumulators;
import io.eddy.table.runtime.operators.aggregate.AggregateCall;
import io.eddy.table.runtime.operators.aggregate.Count;
import io.eddy.table.runtime.operators.aggregate.MinMax;
import io.eddy.table.runtime.operators.aggregate.Sum;
import io.eddy.table.types.LogicalType;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class OverAggFunctionTest {
  private static LocalDateTime at(long millis) {
    return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), (int) Math.floorMod(millis, 1000) * 1_000_000,
        ZoneOffset.UTC);
  }

  /** COUNT(*), SUM(v), MAX(v) over rows [key, v, ts] ordered by ts. */
  private static RestoringHarness harness(OverFrame frame, long finalizeAfter, boolean restore) throws Exception {
    Accumulators accs = new Accumulators(List.of(new AggregateCall("COUNT(*)", new Count(), -1, -1),
        new AggregateCall("SUM(v)", new Sum(LogicalType.bigint()), 1, -1),
        new AggregateCall("MAX(v)", new MinMax(true, true), 1, -1)));
    return new RestoringHarness(s -> s.keyBy(new RowKeySelector(new int[] {0}))
        .process(new OverAggFunction(2, frame, accs, finalizeAfter, Duration.ZERO)), restore);
  }

  private static RestoringHarness proctimeHarness(OverFrame frame, boolean restore) throws Exception {
    Accumulators accs = new Accumulators(List.of(new AggregateCall("COUNT(*)", new Count(), -1, -1),
        new AggregateCall("SUM(v)", new Sum(LogicalType.bigint()), 1, -1)));
    return new RestoringHarness(s -> s.keyBy(new RowKeySelector(new int[] {0}))
        .process(OverAggFunction.processingTime(2, new OverFrame(frame.rows(), frame.preceding()), accs, Duration.ZERO)),
        restore);
  }

  /** By processing time: ROWS frames emit each row at once over the rows that arrived before it. */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void proctimeRowsFrameEmitsAtOnceInArrivalOrder(boolean restore) throws Exception {
    RestoringHarness h = proctimeHarness(new OverFrame(true, 1), restore);
    h.processingTime(5);
    h.element(Row.of("a", 1L, null), 0);
    h.element(Row.of("a", 2L, null), 0);
    h.processingTime(9);
    h.element(Row.of("b", 10L, null), 0);
    h.element(Row.of("a", 4L, null), 0);
    assertThat(h.output()).extracting(r -> r.getField(0) + ":" + r.getField(1) + ":" + r.getField(2) + ":"
        + r.getField(3) + "," + r.getField(4))
        .containsExactly("a:1:1970-01-01T00:00:00.005Z:1,1", "a:2:1970-01-01T00:00:00.005Z:2,3",
            "b:10:1970-01-01T00:00:00.009Z:1,10", "a:4:1970-01-01T00:00:00.009Z:2,6");
  }

  /** A bounded RANGE by processing time: the rows of one millisecond together, once the clock passed it. */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void proctimeRangeFrameEmitsEachMillisecondWhenItHasPassed(boolean restore) throws Exception {
    RestoringHarness h = proctimeHarness(new OverFrame(false, 3), restore);
    h.processingTime(5);
    h.element(Row.of("a", 1L, null), 0);
    h.element(Row.of("a", 2L, null), 0);
    assertThat(h.output()).isEmpty();
    h.processingTime(7);
    h.element(Row.of("a", 4L, null), 0);
    h.processingTime(10);
    h.element(Row.of("a", 8L, null), 0);
    h.processingTime(11);
    assertThat(h.output()).extracting(r -> r.getField(1) + ":" + r.getField(3) + "," + r.getField(4))
        .containsExactly("1:2,3", "2:2,3", "4:3,7", "8:2,12");
  }

  @Test
  void rangeFrameGivesTiedRowsTheSameValues() throws Exception {
    RestoringHarness h = harness(new OverFrame(false, 5), 0, false);
    h.element(Row.of("a", 1L, at(10)), 10);
    h.element(Row.of("a", 2L, at(12)), 12);
    h.element(Row.of("a", 4L, at(16)), 16);
    h.element(Row.of("a", 8L, at(16)), 16);
    h.watermark(16);
    h.element(Row.of("a", 100L, at(14)), 14);
    h.watermark(20);
    assertThat(h.output()).extracting(r -> r.getField(1) + ":" + r.getField(3) + "," + r.getField(4) + "," + r.getField(5))
        .containsExactly("1:1,1,1", "2:2,3,2", "4:3,14,8", "8:3,14,8");
  }

  @Test
  void updatingInputReplacesWaitingRowsAndFinalizesPastTheirValue() throws Exception {
    RestoringHarness h = harness(new OverFrame(true, 1), 1, true);
    h.element(Row.of("a", 5L, at(10)), 0);
    h.element(Row.ofKind(RowKind.UPDATE_BEFORE, "a", 5L, at(10)), 0);
    h.element(Row.ofKind(RowKind.UPDATE_AFTER, "a", 7L, at(10)), 0);
    h.element(Row.of("a", 3L, at(20)), 0);
    h.watermark(10);
    h.element(Row.ofKind(RowKind.UPDATE_BEFORE, "a", 3L, at(20)), 0);
    h.element(Row.ofKind(RowKind.UPDATE_AFTER, "a", 9L, at(20)), 0);
    h.watermark(11);
    h.element(Row.ofKind(RowKind.UPDATE_BEFORE, "a", 7L, at(10)), 0);
    h.element(Row.of("a", 1L, at(10)), 0);
    h.watermark(Long.MAX_VALUE);
    assertThat(h.output()).extracting(r -> r.getField(1) + ":" + r.getField(3) + "," + r.getField(4) + "," + r.getField(5))
        .containsExactly("7:1,7,7", "9:2,16,9");
  }

  /**
   * Random rows and watermarks against a model: per key the rows that were not late (time after
   * the last time fired), in order of time and arrival, each with the aggregates over its frame
   * computed directly from that sequence.
   */
  @ParameterizedTest
  @CsvSource({"1, true, 2, false", "2, true, -1, true", "3, false, 3, false", "4, false, 4, true",
      "5, false, -1, false"})
  void randomRowsMatchTheFrameModel(long seed, boolean rows, long preceding, boolean restore) throws Exception {
    Random random = new Random(seed);
    OverFrame frame = new OverFrame(rows, preceding);
    RestoringHarness h = harness(frame, 0, restore);
    Map<String, List<Row>> waiting = new HashMap<>();
    Map<String, List<Row>> fired = new HashMap<>();
    Map<String, Long> lastFired = new HashMap<>();
    long maxTime = 0;
    for (int i = 0; i < 300; i++) {
      maxTime += random.nextInt(3);
      long t = Math.max(0, maxTime - random.nextInt(6));
      String key = "k" + random.nextInt(3);
      Row row = Row.of(key, (long) random.nextInt(50), at(t));
      h.element(row, t);
      if (t > lastFired.getOrDefault(key, Long.MIN_VALUE)) {
        waiting.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
      }
      if (random.nextInt(4) == 0) {
        long watermark = maxTime - 3;
        h.watermark(watermark);
        waiting.forEach((k, ws) -> {
          List<Row> due = new ArrayList<>(ws.stream().filter(r -> millis(r) <= watermark)
              .sorted(java.util.Comparator.comparingLong(OverAggFunctionTest::millis)).toList());
          ws.removeAll(due);
          fired.computeIfAbsent(k, x -> new ArrayList<>()).addAll(due);
          due.stream().mapToLong(OverAggFunctionTest::millis).max()
              .ifPresent(m -> lastFired.merge(k, m, Math::max));
        });
      }
    }
    List<String> expected = new ArrayList<>();
    fired.forEach((k, sequence) -> {
      for (int i = 0; i < sequence.size(); i++) {
        long t = millis(sequence.get(i));
        List<Row> inFrame = new ArrayList<>();
        for (int j = 0; j < sequence.size(); j++) {
          long tj = millis(sequence.get(j));
          boolean in = rows ? j <= i && (preceding < 0 || j >= i - preceding)
              : tj <= t && (preceding < 0 || tj >= t - preceding);
          if (in) {
            inFrame.add(sequence.get(j));
          }
        }
        long sum = inFrame.stream().mapToLong(r -> (Long) r.getField(1)).sum();
        long max = inFrame.stream().mapToLong(r -> (Long) r.getField(1)).max().getAsLong();
        expected.add(sequence.get(i) + "=" + inFrame.size() + "," + sum + "," + max);
      }
    });
    List<String> actual = h.output().stream().map(r -> Row.of(r.getField(0), r.getField(1), r.getField(2)) + "="
        + r.getField(3) + "," + r.getField(4) + "," + r.getField(5)).toList();
    assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
  }

  private static long millis(Row row) {
    return ((LocalDateTime) row.getField(2)).toInstant(ZoneOffset.UTC).toEpochMilli();
  }
}
