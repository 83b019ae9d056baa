package io.eddy.table.runtime.operators.join;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import io.eddy.runtime.testing.TwoInputHarness;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Left rows [key, v, window_end], right rows [key, w, window_end] (ends in ms), joined on key
 * within a window, optionally with the residual v <= w; with and without a snapshot and restore
 * between every two steps.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class WindowJoinFunctionTest {
  /** Residual v <= w (fields 1 and 4 of the joined row). */
  private static final RowExpression V_AT_MOST_W = row -> (Long) row.getField(1) <= (Long) row.getField(4);

  private static RestoringTwoInputHarness harness(JoinType type, RowExpression residual, boolean restore)
      throws Exception {
    return new RestoringTwoInputHarness((l, r) -> l.connect(r)
        .keyBy(new RowKeySelector(new int[] {0}), new RowKeySelector(new int[] {0}))
        .process(new WindowJoinFunction(2, 2, new WindowJoinProcessor(type, 3, 3, residual))), restore);
  }

  private static LocalDateTime ts(long millis) {
    return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), (int) Math.floorMod(millis, 1000) * 1_000_000,
        ZoneOffset.UTC);
  }

  private static Row row(String key, long value, long windowEnd) {
    return Row.of(key, value, ts(windowEnd));
  }

  private static List<String> strings(List<Row> rows) {
    return rows.stream().map(Row::toString).toList();
  }

  /** Nothing comes out before the watermark reaches window_end - 1; then the window's pairs, left by left. */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void innerJoinEmitsAWindowWhenTheWatermarkPassesItsEnd(boolean restore) throws Exception {
    var h = harness(JoinType.INNER, null, restore);
    h.left(row("a", 1, 10), 1);
    h.right(row("a", 2, 10), 2);
    h.left(row("a", 3, 10), 3);
    h.right(row("a", 4, 20), 12);
    h.left(row("b", 5, 10), 4);
    h.right(row("a", 6, 10), 5);
    h.watermark(8);
    assertThat(h.output()).isEmpty();
    h.watermark(9);
    assertThat(strings(h.output())).containsExactly(
        "+I[a, 1, " + ts(10) + ", a, 2, " + ts(10) + "]", "+I[a, 1, " + ts(10) + ", a, 6, " + ts(10) + "]",
        "+I[a, 3, " + ts(10) + ", a, 2, " + ts(10) + "]", "+I[a, 3, " + ts(10) + ", a, 6, " + ts(10) + "]");
    h.left(row("a", 7, 20), 15);
    h.watermark(Long.MAX_VALUE);
    assertThat(strings(h.output()).subList(4, 5)).containsExactly("+I[a, 7, " + ts(20) + ", a, 4, " + ts(20) + "]");
    assertThat(h.output()).hasSize(5);
  }

  /**
   * The rows of each join type for one window with a residual: left a1 matches right a2 (1 <= 2),
   * left a5 matches nothing, right a0 matches nothing; key b has only a left row, key c only a right one.
   */
  @ParameterizedTest
  @CsvSource({"INNER, false", "LEFT, true", "RIGHT, false", "FULL, true", "SEMI, false", "ANTI, true"})
  void eachJoinTypeGivesFlinksRows(JoinType type, boolean restore) throws Exception {
    var h = harness(type, V_AT_MOST_W, restore);
    h.left(row("a", 1, 10), 1);
    h.left(row("a", 5, 10), 2);
    h.right(row("a", 2, 10), 3);
    h.right(row("a", 0, 10), 4);
    h.left(row("b", 3, 10), 5);
    h.right(row("c", 4, 10), 6);
    h.watermark(Long.MAX_VALUE);
    String e = ts(10).toString();
    List<String> expected = switch (type) {
      case INNER -> List.of("+I[a, 1, " + e + ", a, 2, " + e + "]");
      case LEFT -> List.of("+I[a, 1, " + e + ", a, 2, " + e + "]", "+I[a, 5, " + e + ", null, null, null]",
          "+I[b, 3, " + e + ", null, null, null]");
      case RIGHT -> List.of("+I[a, 1, " + e + ", a, 2, " + e + "]", "+I[null, null, null, a, 0, " + e + "]",
          "+I[null, null, null, c, 4, " + e + "]");
      case FULL -> List.of("+I[a, 1, " + e + ", a, 2, " + e + "]", "+I[a, 5, " + e + ", null, null, null]",
          "+I[null, null, null, a, 0, " + e + "]", "+I[b, 3, " + e + ", null, null, null]",
          "+I[null, null, null, c, 4, " + e + "]");
      case SEMI -> List.of("+I[a, 1, " + e + "]");
      case ANTI -> List.of("+I[a, 5, " + e + "]", "+I[b, 3, " + e + "]");
    };
    assertThat(strings(h.output())).containsExactlyInAnyOrderElementsOf(expected);
  }

  /**
   * A row of a window the watermark has passed is dropped (Flink's late rows), on either side:
   * no join and, for an outer join, no padded row. Without restores: after a restore the
   * watermark is unknown until the next one, in Flink as here.
   */
  @Test
  void lateRowsAreDropped() throws Exception {
    var h = harness(JoinType.FULL, null, false);
    h.left(row("a", 1, 10), 1);
    h.watermark(9);
    h.left(row("a", 2, 10), 5);
    h.right(row("a", 3, 10), 6);
    h.right(row("a", 4, 20), 15);
    h.watermark(Long.MAX_VALUE);
    assertThat(strings(h.output())).containsExactly(
        "+I[a, 1, " + ts(10) + ", null, null, null]", "+I[null, null, null, a, 4, " + ts(20) + "]");
  }

  /** Once its windows are joined, a key keeps no state. */
  @Test
  void stateIsDroppedWithTheWindow() throws Exception {
    var h = TwoInputHarness.<Row, Row, Row>of((l, r) -> l.connect(r)
        .keyBy(new RowKeySelector(new int[] {0}), new RowKeySelector(new int[] {0}))
        .process(new WindowJoinFunction(2, 2, new WindowJoinProcessor(JoinType.INNER, 3, 3, null)))).open();
    var empty = h.snapshot();
    h.processElement1(row("a", 1, 10), 1);
    h.processElement2(row("a", 1, 20), 11);
    assertThat(stateBytes(h.snapshot())).isGreaterThan(stateBytes(empty));
    h.processWatermark(100);
    assertThat(stateBytes(h.snapshot())).isEqualTo(stateBytes(empty));
    h.close();
  }

  private static int stateBytes(io.eddy.runtime.testing.HarnessSnapshot snapshot) {
    return snapshot.keyGroups().values().stream().mapToInt(b -> b.length).sum();
  }

  /**
   * Random rows of random windows and keys with random watermarks, some rows late (without
   * restores): the output is the model's join per key and window of the rows that were not late.
   */
  @ParameterizedTest
  @CsvSource({"1, INNER, false", "2, LEFT, true", "3, RIGHT, false", "4, FULL, true", "5, SEMI, false",
      "6, ANTI, true", "7, FULL, false", "8, INNER, true"})
  void randomRowsGiveTheModelsJoin(long seed, JoinType type, boolean restore) throws Exception {
    Random random = new Random(seed);
    var h = harness(type, V_AT_MOST_W, restore);
    List<Row> lefts = new ArrayList<>();
    List<Row> rights = new ArrayList<>();
    long watermark = Long.MIN_VALUE;
    for (int i = 0; i < 300; i++) {
      int step = random.nextInt(10);
      long base = Math.max(watermark, 0);
      if (step == 0) {
        watermark = base + random.nextInt(10);
        h.watermark(watermark);
        continue;
      }
      // Windows end at multiples of 10; without restores a fifth of the rows may be late.
      long end = (Math.floorDiv(base + 1, 10) + (restore || random.nextInt(5) > 0 ? 1 : 0) + random.nextInt(3)) * 10;
      Row row = row("k" + random.nextInt(3), random.nextInt(5), end);
      boolean late = end - 1 <= watermark;
      if (step % 2 == 0) {
        h.left(row, end - 1);
        if (!late) {
          lefts.add(row);
        }
      } else {
        h.right(row, end - 1);
        if (!late) {
          rights.add(row);
        }
      }
    }
    h.watermark(Long.MAX_VALUE);
    assertThat(h.output()).allMatch(r -> r.getKind() == RowKind.INSERT);
    assertThat(ChangelogModel.apply(h.output())).isEqualTo(ChangelogModel.of(model(type, lefts, rights)));
  }

  /** Pairs of rows with equal key and window end satisfying v <= w, and the outer/semi/anti rows. */
  private static List<Row> model(JoinType type, List<Row> lefts, List<Row> rights) {
    List<Row> out = new ArrayList<>();
    List<Row> joinedRights = new ArrayList<>();
    for (Row l : lefts) {
      int matches = 0;
      for (Row r : rights) {
        Row joined = JoinedRows.concat(RowKind.INSERT, l, r);
        if (l.getField(0).equals(r.getField(0)) && l.getField(2).equals(r.getField(2))
            && V_AT_MOST_W.eval(joined).equals(true)) {
          matches++;
          joinedRights.add(r);
          if (!type.leftRowsOnly()) {
            out.add(joined);
          }
        }
      }
      if (type == JoinType.SEMI && matches > 0 || type == JoinType.ANTI && matches == 0) {
        out.add(l);
      } else if (matches == 0 && type.isLeftOuter()) {
        out.add(Row.of(l.getField(0), l.getField(1), l.getField(2), null, null, null));
      }
    }
    for (Row r : type.isRightOuter() ? rights : List.<Row>of()) {
      if (joinedRights.stream().noneMatch(j -> j == r)) {
        out.add(Row.of(null, null, null, r.getField(0), r.getField(1), r.getField(2)));
      }
    }
    return out;
  }
}
