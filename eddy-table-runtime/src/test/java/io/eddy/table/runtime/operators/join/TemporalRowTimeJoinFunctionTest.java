package io.eddy.table.runtime.operators.join;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import io.eddy.table.runtime.RowExpression;
import io.eddy.table.runtime.operators.RestoringTwoInputHarness;
import io.eddy.table.runtime.operators.RowKeySelector;
import java.time.Duration;
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

/**
 * Left rows [key, v, ts], versions [key, rate, ts] keyed by key; with and without a snapshot and
 * restore between every two steps.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class TemporalRowTimeJoinFunctionTest {
  /** Residual v <= rate (fields 1 and 4 of the joined row). */
  private static final RowExpression V_AT_MOST_RATE = row -> (Long) row.getField(1) <= (Long) row.getField(4);

  private static RestoringTwoInputHarness harness(boolean leftOuter, RowExpression residual, boolean restore)
      throws Exception {
    return harness(leftOuter, residual, restore, Duration.ZERO);
  }

  private static RestoringTwoInputHarness harness(boolean leftOuter, RowExpression residual, boolean restore,
      Duration stateRetention) throws Exception {
    return new RestoringTwoInputHarness((l, r) -> l.connect(r)
        .keyBy(new RowKeySelector(new int[] {0}), new RowKeySelector(new int[] {0}))
        .process(new TemporalRowTimeJoinFunction(new TemporalJoinProcessor(leftOuter, 2, 2, 3, 3, residual),
            stateRetention)), restore);
  }

  private static LocalDateTime ts(long millis) {
    return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), (int) Math.floorMod(millis, 1000) * 1_000_000,
        ZoneOffset.UTC);
  }

  private static Row row(RowKind kind, String key, long value, long time) {
    return Row.ofKind(kind, key, value, ts(time));
  }

  private static Row row(String key, long value, long time) {
    return row(RowKind.INSERT, key, value, time);
  }

  private static String joined(String kind, String key, long v, long lt, long rate, long rt) {
    return kind + "[" + key + ", " + v + ", " + ts(lt) + ", " + key + ", " + rate + ", " + ts(rt) + "]";
  }

  private static String padded(String key, long v, long lt) {
    return "+I[" + key + ", " + v + ", " + ts(lt) + ", null, null, null]";
  }

  /**
   * Left rows wait for the watermark and then join the version valid at their time, in arrival
   * order, keeping their kind; a deleted version joins nothing. Once the watermark passed a newer
   * version, older ones are gone: a left row behind the watermark joins only what is kept.
   */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void leftRowsJoinTheVersionValidAtTheirTime(boolean restore) throws Exception {
    var h = harness(true, null, restore);
    h.right(row("a", 10, 1), 1);
    h.left(row("a", 1, 4), 4);
    h.right(row("a", 20, 5), 5);
    h.left(row(RowKind.UPDATE_AFTER, "a", 2, 6), 6);
    h.left(row("a", 3, 3), 3);
    h.left(row("b", 4, 5), 5);
    h.watermark(3);
    assertThat(h.output()).extracting(Row::toString).containsExactly(joined("+I", "a", 3, 3, 10, 1));
    h.right(row(RowKind.DELETE, "a", 20, 8), 8);
    h.left(row("a", 5, 9), 9);
    h.watermark(7);
    h.left(row("a", 6, 2), 2);
    h.watermark(10);
    assertThat(h.output()).extracting(Row::toString).containsExactly(
        joined("+I", "a", 3, 3, 10, 1),
        joined("+I", "a", 1, 4, 10, 1), joined("+U", "a", 2, 6, 20, 5), padded("b", 4, 5),
        padded("a", 5, 9), padded("a", 6, 2));
  }

  /** An inner join leaves out left rows without a version or whose condition fails. */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void innerJoinLeavesOutRowsWithoutAMatchingVersion(boolean restore) throws Exception {
    var h = harness(false, V_AT_MOST_RATE, restore);
    h.right(row("a", 10, 5), 5);
    h.left(row("a", 1, 4), 4);
    h.left(row("a", 11, 6), 6);
    h.left(row("a", 9, 7), 7);
    h.right(row(RowKind.UPDATE_AFTER, "a", 12, 6), 6);
    h.watermark(Long.MAX_VALUE);
    assertThat(h.output()).extracting(Row::toString).containsExactly(
        joined("+I", "a", 11, 6, 12, 6), joined("+I", "a", 9, 7, 12, 6));
  }

  /**
   * State retention 100 ms (Flink's, from table.exec.state.ttl): a key untouched for 150 ms of
   * processing time loses its waiting rows and versions; rows and kept versions push the cleanup on.
   */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void stateRetentionClearsAnIdleKey(boolean restore) throws Exception {
    var h = harness(true, null, restore, Duration.ofMillis(100));
    h.right(row("a", 10, 1), 1);
    h.left(row("b", 1, 50), 50);
    h.processingTime(60);
    h.right(row("a", 11, 2), 2);
    h.processingTime(160);
    h.watermark(60);
    h.left(row("a", 2, 70), 70);
    h.watermark(80);
    h.processingTime(400);
    h.left(row("a", 3, 90), 90);
    h.watermark(100);
    assertThat(h.output()).extracting(Row::toString).containsExactly(
        joined("+I", "a", 2, 70, 11, 2), padded("a", 3, 90));
  }

  /**
   * Random versions (inserts, updates, deletes, a later one at the same time replacing the earlier)
   * and left rows of random keys, never behind the watermark, with random watermarks: each left
   * row joins the model's version at its time (the latest at or before it) when that is no
   * deletion and v <= rate, else it is padded in a left outer join.
   */
  @ParameterizedTest
  @CsvSource({"1, false, false", "2, true, true", "3, true, false", "4, false, true"})
  void randomVersionsGiveTheModelsJoin(long seed, boolean leftOuter, boolean restore) throws Exception {
    Random random = new Random(seed);
    var h = harness(leftOuter, V_AT_MOST_RATE, restore);
    List<Row> lefts = new ArrayList<>();
    List<Row> versions = new ArrayList<>();
    long watermark = 0;
    for (int i = 0; i < 300; i++) {
      int step = random.nextInt(10);
      long time = watermark + 1 + random.nextInt(10);
      String key = "k" + random.nextInt(3);
      if (step == 0) {
        watermark += random.nextInt(6);
        h.watermark(watermark);
      } else if (step < 5) {
        RowKind kind = List.of(RowKind.INSERT, RowKind.UPDATE_AFTER, RowKind.DELETE).get(random.nextInt(3));
        Row version = row(kind, key, random.nextInt(5), time);
        versions.add(version);
        h.right(version, time);
      } else {
        Row left = row(key, random.nextInt(5), time);
        lefts.add(left);
        h.left(left, time);
      }
    }
    h.watermark(Long.MAX_VALUE);
    List<String> expected = new ArrayList<>();
    for (Row l : lefts) {
      Row version = null;
      for (Row v : versions) {
        boolean sameKey = v.getField(0).equals(l.getField(0));
        boolean valid = millis(v) <= millis(l) && (version == null || millis(v) >= millis(version));
        if (sameKey && valid) {
          version = v;
        }
      }
      Row joined = version == null ? null : JoinedRows.concat(RowKind.INSERT, l, version);
      if (joined != null && !version.getKind().isRetract() && V_AT_MOST_RATE.eval(joined).equals(true)) {
        expected.add(joined.toString());
      } else if (leftOuter) {
        expected.add(padded((String) l.getField(0), (Long) l.getField(1), millis(l)));
      }
    }
    assertThat(expected).anyMatch(r -> !r.endsWith("null, null, null]"));
    assertThat(h.output()).extracting(Row::toString).containsExactlyInAnyOrderElementsOf(expected);
  }

  private static long millis(Row row) {
    return ((LocalDateTime) row.getField(2)).toInstant(ZoneOffset.UTC).toEpochMilli();
  }
}
