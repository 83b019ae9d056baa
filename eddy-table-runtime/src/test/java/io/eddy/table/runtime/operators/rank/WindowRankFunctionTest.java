package io.eddy.table.runtime.operators.rank;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.types.Row;
import io.eddy.table.runtime.operators.ChangelogModel;
import io.eddy.table.runtime.operators.RestoringHarness;
import io.eddy.table.runtime.operators.RowKeySelector;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Window Top-N and deduplication over rows [key, window_end, v, id], partitioned by key and window_end. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class WindowRankFunctionTest {
  private static LocalDateTime at(int second) {
    return LocalDateTime.of(2015, 7, 15, 0, 0, second);
  }

  private static long ms(int second) {
    return at(second).toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
  }

  /** By v descending; ranks [start, end]. */
  private static RestoringHarness harness(long start, long end, boolean rankNumber, boolean latestFirst,
      boolean restore) throws Exception {
    SortSpec byV = new SortSpec(new int[] {2}, new boolean[] {false}, new boolean[] {false});
    return new RestoringHarness(s -> s.keyBy(new RowKeySelector(new int[] {0, 1}))
        .process(new WindowRankFunction(byV, start, end, rankNumber, 1, latestFirst)), restore);
  }

  /** With a restore between every two steps too: the watermark the function saw is in its snapshot, as in Flink. */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
  void emitsEachWindowsTopRowsOnceWhenTheWatermarkPassesItsEnd(boolean restore) throws Exception {
    RestoringHarness h = harness(1, 2, true, false, restore);
    h.element(Row.of("a", at(10), 5L, 1), 0);
    h.element(Row.of("a", at(10), 7L, 2), 0);
    h.element(Row.of("a", at(10), 5L, 3), 0);
    h.element(Row.of("a", at(20), 1L, 4), 0);
    h.watermark(ms(10) - 2);
    assertThat(h.output()).isEmpty();
    h.watermark(ms(10) - 1);
    h.element(Row.of("a", at(10), 9L, 5), 0);
    h.watermark(ms(20));
    assertThat(h.output()).extracting(Row::toString).containsExactly(
        "+I[a, 2015-07-15T00:00:10, 7, 2, 1]", "+I[a, 2015-07-15T00:00:10, 5, 1, 2]",
        "+I[a, 2015-07-15T00:00:20, 1, 4, 1]");
  }

  /** A row of a window that fired before a restore is late after it: the window does not fire twice. */
  @Test
  void aWindowFiredBeforeARestoreStaysFired() throws Exception {
    RestoringHarness h = harness(1, 1, false, false, true);
    h.element(Row.of("a", at(10), 5L, 1), 0);
    h.watermark(ms(15));
    h.element(Row.of("a", at(10), 9L, 2), 0);
    h.element(Row.of("a", at(20), 1L, 3), 0);
    h.watermark(ms(30));
    assertThat(h.output()).extracting(Row::toString).containsExactly(
        "+I[a, 2015-07-15T00:00:10, 5, 1]", "+I[a, 2015-07-15T00:00:20, 1, 3]");
  }

  @Test
  void deduplicationKeepingTheLastRowPrefersTheLaterArrivalOnTies() throws Exception {
    RestoringHarness h = harness(1, 1, false, true, true);
    h.element(Row.of("a", at(10), 5L, 1), 0);
    h.element(Row.of("a", at(10), 5L, 2), 0);
    h.element(Row.of("a", at(10), 3L, 3), 0);
    h.watermark(ms(10));
    assertThat(h.output()).extracting(Row::toString).containsExactly("+I[a, 2015-07-15T00:00:10, 5, 2]");
  }

  /**
   * Random rows and watermarks against a model: per window, the rows that arrived before the
   * watermark reached its end - 1, stably sorted by v descending, ranks [start, end]. With
   * restores between steps (which forget the watermark, as Flink's restores do) rows only go to
   * windows that have not fired.
   */
  @ParameterizedTest
  @CsvSource({"1, 1, 3, true", "2, 2, 4, false", "3, 1, 1, true"})
  void randomRowsMatchTheModel(long seed, long start, long end, boolean restore) throws Exception {
    Random random = new Random(seed);
    RestoringHarness h = harness(start, end, true, false, restore);
    Map<List<Object>, List<Row>> windows = new LinkedHashMap<>();
    long watermark = Long.MIN_VALUE;
    for (int i = 0; i < 200; i++) {
      if (random.nextInt(10) == 0) {
        watermark = Math.max(watermark, ms(random.nextInt(40)));
        h.watermark(watermark);
        continue;
      }
      int windowEnd = 10 * (1 + random.nextInt(4));
      if (restore && ms(windowEnd) - 1 <= watermark) {
        continue;
      }
      Row row = Row.of("k" + random.nextInt(3), at(windowEnd), (long) random.nextInt(6), i);
      h.element(row, 0);
      if (ms(windowEnd) - 1 > watermark) {
        windows.computeIfAbsent(List.of(row.getField(0), row.getField(1)), k -> new ArrayList<>()).add(row);
      }
    }
    h.watermark(Long.MAX_VALUE);
    Map<Row, Integer> expected = new HashMap<>();
    for (List<Row> rows : windows.values()) {
      List<Row> sorted = new ArrayList<>(rows);
      sorted.sort(Comparator.comparing((Row r) -> (Long) r.getField(2)).reversed());
      for (int r = (int) start - 1; r < Math.min(sorted.size(), end); r++) {
        Row row = sorted.get(r);
        expected.merge(Row.of(row.getField(0), row.getField(1), row.getField(2), row.getField(3), (long) r + 1), 1,
            Integer::sum);
      }
    }
    assertThat(ChangelogModel.apply(h.output())).isEqualTo(expected);
  }
}
