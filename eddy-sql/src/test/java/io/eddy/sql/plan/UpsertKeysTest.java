package io.eddy.sql.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The set operations of {@link UpsertKeys}, on keys written as Flink's plans write them. */
class UpsertKeysTest {
  private static String show(UpsertKeys keys) {
    return keys.describe(i -> "f" + i);
  }

  @Test
  void keysAreSortedAndDistinct() {
    assertThat(show(UpsertKeys.of(new int[] {2, 0}, new int[] {0, 2}, new int[] {1}))).isEqualTo("[f0, f2], [f1]");
    assertThat(UpsertKeys.of().isEmpty()).isTrue();
    assertThat(show(UpsertKeys.firstFields(0))).isEqualTo("[]");
  }

  @Test
  void projectionKeepsTheKeysWhoseFieldsAllSurvive() {
    // output 0 copies input 2, output 1 is computed, output 2 copies input 0
    UpsertKeys keys = UpsertKeys.of(new int[] {0, 2}, new int[] {1}, new int[] {2});
    assertThat(show(keys.project(new int[] {2, -1, 0}))).isEqualTo("[f0, f2], [f0]");
  }

  @Test
  void containingWithinAndEqualTo() {
    UpsertKeys keys = UpsertKeys.of(new int[] {0}, new int[] {1, 2});
    assertThat(show(keys.containing(new int[] {1}))).isEqualTo("[f1, f2]");
    assertThat(show(keys.within(new int[] {0, 1}))).isEqualTo("[f0]");
    assertThat(keys.anyWithin(new int[] {2})).isFalse();
    assertThat(keys.anyEqualTo(new int[] {2, 1})).isTrue();
    assertThat(keys.smallest()).containsExactly(0);
  }

  @Test
  void joinedKeys() {
    UpsertKeys left = UpsertKeys.of(new int[] {0});
    UpsertKeys right = UpsertKeys.of(new int[] {0}, new int[] {1}).shift(3);
    assertThat(show(left.unitedWith(right).and(left))).isEqualTo("[f0, f3], [f0, f4], [f0]");
  }

  @Test
  void windowAggregationKeys() {
    // [k, cnt, window_start, window_end, window_time]
    assertThat(show(UpsertKeys.windowAggregate(1, 5, true))).isEqualTo("[f0, f2], [f0, f3], [f0, f4]");
    assertThat(show(UpsertKeys.windowAggregate(1, 5, false))).isEqualTo("[f0, f3], [f0, f4]");
  }
}
