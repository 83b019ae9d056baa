package io.eddy.table.runtime.operators.rank;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import io.eddy.table.runtime.operators.ChangelogModel;
import io.eddy.table.runtime.operators.RestoringHarness;
import io.eddy.table.runtime.operators.RowKeySelector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RankFunctionTest {
  /** Rows [partition, price, id] ranked by price DESC (NULLS LAST). */
  private static final SortSpec BY_PRICE_DESC = new SortSpec(new int[] {1}, new boolean[] {false}, new boolean[] {false});

  private static RestoringHarness harness(long start, long end, boolean rankNumber, boolean appendOnly, boolean restore)
      throws Exception {
    return harness(start, end, rankNumber, appendOnly, true, restore);
  }

  private static RestoringHarness harness(long start, long end, boolean rankNumber, boolean appendOnly,
      boolean updateBefore, boolean restore) throws Exception {
    return new RestoringHarness(s -> s.keyBy(new RowKeySelector(new int[] {0}))
        .process(new RankFunction(BY_PRICE_DESC, start, end, rankNumber, appendOnly, updateBefore, Duration.ZERO)),
        restore);
  }

  @Test
  void withoutUpdateBeforeEachChangedRankIsOneUpdateAfter() throws Exception {
    RestoringHarness h = harness(1, 2, true, true, false, true);
    h.element(Row.of("a", 10L, 1), 0);
    h.element(Row.of("a", 20L, 2), 0);
    h.element(Row.of("a", 15L, 3), 0);
    assertThat(h.output()).extracting(Row::toString).containsExactly(
        "+I[a, 10, 1, 1]",
        "+U[a, 20, 2, 1]", "+I[a, 10, 1, 2]",
        "+U[a, 15, 3, 2]");
  }

  @Test
  void appendOnlyTopTwoWithRankNumberShiftsRanksAndDropsTiesAtTheEnd() throws Exception {
    RestoringHarness h = harness(1, 2, true, true, false);
    h.element(Row.of("a", 10L, 1), 0);
    h.element(Row.of("a", 20L, 2), 0);
    h.element(Row.of("a", 20L, 3), 0);
    h.element(Row.of("a", 20L, 4), 0);
    h.element(Row.of("a", 5L, 5), 0);
    h.element(Row.of("b", 1L, 6), 0);
    assertThat(h.output()).extracting(Row::toString).containsExactly(
        "+I[a, 10, 1, 1]",
        "-U[a, 10, 1, 1]", "+U[a, 20, 2, 1]", "+I[a, 10, 1, 2]",
        "-U[a, 10, 1, 2]", "+U[a, 20, 3, 2]",
        "+I[b, 1, 6, 1]");
  }

  @Test
  void topOneWithoutRankNumberDeletesTheReplacedRow() throws Exception {
    RestoringHarness h = harness(1, 1, false, true, true);
    h.element(Row.of("a", 10L, 1), 0);
    h.element(Row.of("a", 10L, 2), 0);
    h.element(Row.of("a", 30L, 3), 0);
    h.element(Row.of("a", null, 4), 0);
    assertThat(h.output()).extracting(Row::toString).containsExactly(
        "+I[a, 10, 1]", "-D[a, 10, 1]", "+I[a, 30, 3]");
  }

  @Test
  void retractingTheTopRowOfAnUpdatingInputLetsTheNextOneIn() throws Exception {
    RestoringHarness h = harness(1, 1, true, false, true);
    h.element(Row.of("a", 10L, 1), 0);
    h.element(Row.of("a", 30L, 2), 0);
    h.element(Row.ofKind(RowKind.UPDATE_BEFORE, "a", 30L, 2), 0);
    h.element(Row.ofKind(RowKind.DELETE, "a", 99L, 7), 0);
    h.element(Row.ofKind(RowKind.DELETE, "a", 10L, 1), 0);
    assertThat(h.output()).extracting(Row::toString).containsExactly(
        "+I[a, 10, 1, 1]",
        "-U[a, 10, 1, 1]", "+U[a, 30, 2, 1]",
        "-U[a, 30, 2, 1]", "+U[a, 10, 1, 1]",
        "-D[a, 10, 1, 1]");
  }

  /**
   * Random changes (inserts only for the append-only path) against a model: per partition the
   * present rows in arrival order, stably sorted by price descending with NULLs last, ranks
   * start..end. The applied changelog must equal the model's ranking.
   */
  @ParameterizedTest
  @CsvSource({"1, 1, 3, true, true, false", "2, 2, 4, false, true, true", "3, 1, 3, true, false, false",
      "4, 2, 3, false, false, true", "5, 1, 1, false, false, false"})
  void randomChangelogMatchesSortedModel(long seed, long start, long end, boolean rankNumber, boolean appendOnly,
      boolean restore) throws Exception {
    Random random = new Random(seed);
    RestoringHarness h = harness(start, end, rankNumber, appendOnly, restore);
    List<Row> present = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      if (!appendOnly && !present.isEmpty() && random.nextInt(3) == 0) {
        Row gone = present.get(random.nextInt(present.size()));
        removeFirstEqual(present, gone);
        h.element(Row.copyWithKind(gone, random.nextBoolean() ? RowKind.DELETE : RowKind.UPDATE_BEFORE), 0);
      } else {
        Row row = Row.of("p" + random.nextInt(3), random.nextInt(6) == 0 ? null : (long) random.nextInt(8),
            random.nextInt(4));
        present.add(row);
        h.element(Row.copyWithKind(row, appendOnly || random.nextBoolean() ? RowKind.INSERT : RowKind.UPDATE_AFTER), 0);
      }
    }
    List<Row> expected = new ArrayList<>();
    for (String p : List.of("p0", "p1", "p2")) {
      List<Row> ranking = present.stream().filter(r -> r.getField(0).equals(p))
          .sorted(Comparator.comparing((Row r) -> (Long) r.getField(1), Comparator.nullsLast(Comparator.reverseOrder())))
          .toList();
      for (int rank = (int) start; rank <= Math.min(end, ranking.size()); rank++) {
        Row r = ranking.get(rank - 1);
        expected.add(rankNumber ? Row.of(r.getField(0), r.getField(1), r.getField(2), (long) rank) : r);
      }
    }
    assertThat(ChangelogModel.apply(h.output())).isEqualTo(ChangelogModel.of(expected));
  }

  private static void removeFirstEqual(List<Row> rows, Row row) {
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).fieldsEqual(row)) {
        rows.remove(i);
        return;
      }
    }
  }
}
