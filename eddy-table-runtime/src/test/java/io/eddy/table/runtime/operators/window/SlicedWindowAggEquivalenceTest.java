package io.eddy.table.runtime.operators.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.types.Row;
import io.eddy.runtime.testing.OneInputHarness;
import io.eddy.table.runtime.operators.RowKeySelector;
import io.eddy.table.runtime.operators.aggregate.Accumulators;
import io.eddy.table.runtime.operators.aggregate.AggregateCall;
import io.eddy.table.runtime.operators.aggregate.Count;
import io.eddy.table.runtime.operators.aggregate.MinMax;
import io.eddy.table.runtime.operators.aggregate.Sum;
import io.eddy.table.types.LogicalType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link WindowAggFunction} aggregates slices; this checks it against the unsliced definition of
 * a window aggregation, computed here per window: a window holds the rows of its key and time
 * that arrived before the watermark passed its end, and its row comes out when the watermark
 * does. Random TUMBLE, HOP (slide dividing the size or not) and CUMULATE windows with offsets,
 * rows out of order and late, watermarks, and snapshot/restore of the operator at random points
 * (after which the watermark is given again, as a restarted source would). After every
 * watermark the rows emitted so far must be those of the windows that have fired.
 */
class SlicedWindowAggEquivalenceTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void slicedEqualsUnslicedWindows(int seed) throws Exception {
    Random random = new Random(seed);
    WindowAssignment windows = randomWindows(random);
    Accumulators accs = new Accumulators(List.of(new AggregateCall("COUNT(*)", new Count(), -1, -1),
        new AggregateCall("MAX(v)", new MinMax(true, false), 1, -1),
        new AggregateCall("MIN(v)", new MinMax(false, false), 1, -1),
        new AggregateCall("SUM(v)", new Sum(LogicalType.bigint()), 1, -1)));
    java.util.function.Function<io.eddy.api.datastream.DataStream<Row>, io.eddy.api.datastream.DataStream<Row>> pipeline =
        s -> s.keyBy(new RowKeySelector(new int[] {0})).process(new WindowAggFunction(windows, 2, accs));
    OneInputHarness<Row, Row> harness = OneInputHarness.of(pipeline).open();
    List<String> emittedBefore = new ArrayList<>(); // by the operators closed for restores
    // the model: (key, window end) -> rows' values, in arrival order
    Map<String, TreeMap<Long, List<Long>>> open = new HashMap<>();
    List<String> expected = new ArrayList<>();
    long watermark = Long.MIN_VALUE;
    long maxTime = 0;
    for (int step = 0; step < 300; step++) {
      int what = random.nextInt(20);
      if (what < 15) {
        String key = "k" + random.nextInt(3);
        long value = random.nextInt(100) - 20;
        long time = Math.max(0, maxTime - random.nextInt(60) + random.nextInt(20));
        maxTime = Math.max(maxTime, time);
        harness.processElement(Row.of(key, value, WindowAggFunction.toTimestamp(time)), time);
        long seen = watermark;
        windows.assign(time, end -> {
          if (end - 1 > seen) {
            open.computeIfAbsent(key, k -> new TreeMap<>()).computeIfAbsent(end, e -> new ArrayList<>()).add(value);
          }
        });
      } else if (what < 18) {
        watermark = Math.max(watermark, maxTime - random.nextInt(40));
        harness.processWatermark(watermark);
        fire(windows, open, watermark, expected);
        List<String> emitted = new ArrayList<>(emittedBefore);
        emitted.addAll(rendered(harness.output()));
        assertThat(emitted).as("seed %d, %s, after watermark %d", seed, windows, watermark)
            .containsExactlyInAnyOrderElementsOf(expected);
      } else {
        var snapshot = harness.snapshot();
        emittedBefore.addAll(rendered(harness.output()));
        harness.close();
        harness = OneInputHarness.of(pipeline).restore(snapshot).open();
        if (watermark != Long.MIN_VALUE) {
          harness.processWatermark(watermark);
        }
      }
    }
    harness.processWatermark(Long.MAX_VALUE);
    fire(windows, open, Long.MAX_VALUE, expected);
    List<String> emitted = new ArrayList<>(emittedBefore);
    emitted.addAll(rendered(harness.output()));
    assertThat(emitted).as("seed %d, %s", seed, windows).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(expected).hasSizeGreaterThan(10);
  }

  private static WindowAssignment randomWindows(Random random) {
    long slice = 1 + random.nextInt(6);
    long offset = random.nextInt(3) == 0 ? random.nextInt((int) slice) : 0;
    return switch (random.nextInt(4)) {
      case 0 -> new WindowAssignment.Tumble(slice * (1 + random.nextInt(4)), offset);
      case 1 -> new WindowAssignment.Hop(slice, slice * (2 + random.nextInt(5)), offset);
      case 2 -> new WindowAssignment.Hop(slice * (2 + random.nextInt(3)), slice * (3 + random.nextInt(7)), offset);
      default -> new WindowAssignment.Cumulate(slice, slice * (2 + random.nextInt(5)), offset);
    };
  }

  /** Moves the model's windows ending at or before the watermark to {@code expected}. */
  private static void fire(WindowAssignment windows, Map<String, TreeMap<Long, List<Long>>> open, long watermark,
      List<String> expected) {
    open.forEach((key, byEnd) -> {
      var fired = watermark == Long.MAX_VALUE ? byEnd : byEnd.headMap(watermark + 1, true); // end - 1 <= watermark
      fired.forEach((end, values) -> expected.add(key + "," + values.size() + ","
          + values.stream().mapToLong(Long::longValue).max().getAsLong() + ","
          + values.stream().mapToLong(Long::longValue).min().getAsLong() + ","
          + values.stream().mapToLong(Long::longValue).sum() + "," + windows.startOf(end) + "," + end));
      fired.clear();
    });
  }

  private static List<String> rendered(List<Row> rows) {
    List<String> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(r.getField(0) + "," + r.getField(1) + "," + r.getField(2) + "," + r.getField(3) + "," + r.getField(4)
          + "," + WindowAggFunction.toMillis((java.time.LocalDateTime) r.getField(5)) + ","
          + WindowAggFunction.toMillis((java.time.LocalDateTime) r.getField(6)));
    }
    return out;
  }
}
