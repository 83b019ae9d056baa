package io.eddy.table.runtime.operators.join;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.types.Row;
import io.eddy.table.runtime.RowExpression;
import io.eddy.table.runtime.operators.ChangelogModel;
import io.eddy.table.runtime.operators.RestoringTwoInputHarness;
import io.eddy.table.runtime.operators.RowKeySelector;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Left rows [key, v, ts], right rows [key, w, ts]; joined on key, with bounds on the times. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RowTimeIntervalJoinTest {
  /** Residual v <= w (fields 1 and 4 of the joined row). */
  private static final RowExpression V_AT_MOST_W = row -> (Long) row.getField(1) <= (Long) row.getField(4);

  private static RestoringTwoInputHarness harness(JoinType type, long lower, long upper, RowExpression residual,
      boolean restore) throws Exception {
    RowTimeIntervalJoin join = new RowTimeIntervalJoin(type, lower, upper, 2, 2, 3, 3, residual);
    return new RestoringTwoInputHarness((l, r) -> KeyedCoProcessOperatorWithWatermarkDelay.transform("IntervalJoin",
        l, r, new RowKeySelector(new int[] {0}), new RowKeySelector(new int[] {0}), join, join.maxOutputDelay()),
        restore);
  }

  private static LocalDateTime ts(long millis) {
    return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), (int) Math.floorMod(millis, 1000) * 1_000_000,
        ZoneOffset.UTC);
  }

  private static Row row(String key, long value, long time) {
    return Row.of(key, value, ts(time));
  }

  /**
   * left.ts BETWEEN right.ts - 2 AND right.ts + 1: a late left row still joins the right rows
   * not yet expired, and misses those a cleanup timer removed.
   */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void innerJoinMatchesRowsWithinTheBoundsAndLateRowsMissExpiredOnes(boolean restore) throws Exception {
    var h = harness(JoinType.INNER, -2, 1, null, restore);
    h.left(row("a", 1, 10), 10);
    h.right(row("a", 1, 9), 9);
    h.right(row("a", 2, 13), 13);
    h.right(row("b", 3, 10), 10);
    h.watermark(12);
    h.left(row("a", 3, 12), 12);
    h.left(row("a", 4, 8), 8);
    h.watermark(Long.MAX_VALUE);
    assertThat(h.output()).extracting(Row::toString).containsExactly(
        "+I[a, 1, " + ts(10) + ", a, 1, " + ts(9) + "]",
        "+I[a, 3, " + ts(12) + ", a, 2, " + ts(13) + "]");
    assertThat(h.watermarks()).containsExactly(10L, Long.MAX_VALUE);
  }

  /**
   * A late left row (behind the watermark by more than its bound) is padded at once; after a
   * restore the watermark is unknown until the next one (as in Flink), so it is padded then.
   */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void leftOuterJoinPadsRowsThatNeverJoinedWhenTheWatermarkPassesTheirBound(boolean restore) throws Exception {
    var h = harness(JoinType.LEFT, -2, 1, null, restore);
    h.left(row("a", 1, 10), 10);
    h.left(row("b", 2, 20), 20);
    h.right(row("a", 1, 9), 9);
    h.watermark(22);
    h.watermark(25);
    h.left(row("c", 3, 5), 5);
    h.watermark(Long.MAX_VALUE);
    assertThat(h.output()).extracting(Row::toString).containsExactly(
        "+I[a, 1, " + ts(10) + ", a, 1, " + ts(9) + "]",
        "+I[b, 2, " + ts(20) + ", null, null, null]",
        "+I[c, 3, " + ts(5) + ", null, null, null]");
    assertThat(h.watermarks()).containsExactly(20L, 23L, Long.MAX_VALUE);
  }

  /**
   * Random rows on both sides, never behind the watermark, with random watermarks: the output is
   * the model's join (all pairs within the bounds satisfying v <= w, and each outer row without
   * a partner padded once), with and without a restore between every two steps.
   */
  @ParameterizedTest
  @CsvSource({
      "1, INNER, -3, 2, false", "2, LEFT, -3, 2, true", "3, RIGHT, 0, 4, false", "4, FULL, -5, -1, true",
      "5, FULL, 1, 6, false", "6, LEFT, 0, 0, true", "7, FULL, 3, 1, false", "8, INNER, -10, 10, true"})
  void randomRowsGiveTheModelsJoin(long seed, JoinType type, long lower, long upper, boolean restore)
      throws Exception {
    Random random = new Random(seed);
    var h = harness(type, lower, upper, V_AT_MOST_W, restore);
    List<Row> lefts = new ArrayList<>();
    List<Row> rights = new ArrayList<>();
    long watermark = 0;
    for (int i = 0; i < 300; i++) {
      int step = random.nextInt(10);
      if (step == 0) {
        watermark += random.nextInt(4);
        h.watermark(watermark);
      } else {
        long time = watermark + 1 + random.nextInt(8);
        Row row = row("k" + random.nextInt(3), random.nextInt(5), time);
        if (step % 2 == 0) {
          lefts.add(row);
          h.left(row, time);
        } else {
          rights.add(row);
          h.right(row, time);
        }
      }
    }
    h.watermark(Long.MAX_VALUE);
    List<Row> expected = new ArrayList<>();
    List<Row> joinedRights = new ArrayList<>();
    for (Row l : lefts) {
      boolean any = false;
      for (Row r : rights) {
        long lt = millis(l);
        long rt = millis(r);
        Row joined = JoinedRows.concat(l.getKind(), l, r);
        if (l.getField(0).equals(r.getField(0)) && lt >= rt + lower && lt <= rt + upper && V_AT_MOST_W.eval(joined)
            .equals(true)) {
          expected.add(joined);
          joinedRights.add(r);
          any = true;
        }
      }
      if (!any && type.isLeftOuter()) {
        expected.add(Row.of(l.getField(0), l.getField(1), l.getField(2), null, null, null));
      }
    }
    for (Row r : type.isRightOuter() ? rights : List.<Row>of()) {
      if (joinedRights.stream().noneMatch(j -> j == r)) {
        expected.add(Row.of(null, null, null, r.getField(0), r.getField(1), r.getField(2)));
      }
    }
    assertThat(h.output()).allMatch(r -> r.getKind() == io.eddy.api.types.RowKind.INSERT);
    assertThat(ChangelogModel.apply(h.output())).isEqualTo(ChangelogModel.of(expected));
  }

  private static long millis(Row row) {
    return ((LocalDateTime) row.getField(2)).toInstant(ZoneOffset.UTC).toEpochMilli();
  }
}
