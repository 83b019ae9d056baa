package io.eddy.connectors.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndexSliceTest {

  @ParameterizedTest
  @CsvSource({"0,1", "0,3", "1,4", "10,1", "10,3", "10,10", "7,16", "1000,7"})
  void rangesCoverEveryIndexOnceInOrder(long count, int parallelism) {
    List<Long> all = new ArrayList<>();
    for (int subtask = 0; subtask < parallelism; subtask++) {
      IndexSlice slice = IndexSlice.range(count, subtask, parallelism);
      while (slice.hasNext()) {
        all.add(slice.next());
      }
    }
    assertThat(all).hasSize((int) count);
    for (int i = 0; i < count; i++) {
      assertThat(all.get(i)).isEqualTo(i);
    }
  }

  @Test
  void rangesOfHugeCountsDoNotOverflow() {
    long count = Long.MAX_VALUE - 1; // 6 more than a multiple of 7: every subtask but the last gets one extra
    IndexSlice last = IndexSlice.range(count, 6, 7);
    assertThat(last.next()).isEqualTo(count / 7 * 6 + 6);
  }

  @Test
  void stridedSlicesInterleave() {
    IndexSlice slice = IndexSlice.strided(1, 3);
    assertThat(List.of(slice.next(), slice.next(), slice.next())).containsExactly(1L, 4L, 7L);
  }
}
