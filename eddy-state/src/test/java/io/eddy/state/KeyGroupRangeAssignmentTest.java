package io.eddy.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyGroupRangeAssignmentTest {

  @ParameterizedTest
  @CsvSource({"128,1", "128,2", "128,3", "128,4", "128,7", "10,10", "32768,5"})
  void rangesPartitionAllKeyGroupsAndAgreeWithTheOperatorIndex(int maxParallelism, int parallelism) {
    int next = 0;
    for (int i = 0; i < parallelism; i++) {
      KeyGroupRange range = KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(maxParallelism, parallelism, i);
      assertThat(range.startKeyGroup()).isEqualTo(next);
      for (int kg = range.startKeyGroup(); kg <= range.endKeyGroup(); kg++) {
        assertThat(KeyGroupRangeAssignment.computeOperatorIndexForKeyGroup(maxParallelism, parallelism, kg)).isEqualTo(i);
      }
      next = range.endKeyGroup() + 1;
    }
    assertThat(next).isEqualTo(maxParallelism);
  }

  @Test
  void keyGroupsAreStableAndSpread() {
    int[] counts = new int[128];
    for (int i = 0; i < 128_000; i++) {
      int kg = KeyGroupRangeAssignment.assignToKeyGroup("key-" + i, 128);
      assertThat(kg).isEqualTo(KeyGroupRangeAssignment.assignToKeyGroup("key-" + i, 128));
      counts[kg]++;
    }
    for (int c : counts) {
      assertThat(c).isBetween(800, 1200);
    }
    assertThat(KeyGroupRangeAssignment.murmurHash(Integer.MIN_VALUE)).isNotNegative();
  }
}
