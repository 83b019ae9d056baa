package io.eddy.runtime.io;

import static io.eddy.runtime.io.PointwiseConnections.consumersOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PointwiseConnectionsTest {
  @Test
  void fewerProducersFeedContiguousBlocks() {
    assertThat(consumersOf(0, 2, 4)).containsExactly(0, 1);
    assertThat(consumersOf(1, 2, 4)).containsExactly(2, 3);
    assertThat(consumersOf(0, 2, 3)).containsExactly(0, 1);
    assertThat(consumersOf(1, 2, 3)).containsExactly(2);
  }

  @Test
  void moreProducersShareAConsumer() {
    assertThat(consumersOf(0, 4, 2)).containsExactly(0);
    assertThat(consumersOf(1, 4, 2)).containsExactly(0);
    assertThat(consumersOf(2, 4, 2)).containsExactly(1);
    assertThat(consumersOf(3, 4, 2)).containsExactly(1);
    assertThat(consumersOf(1, 3, 3)).containsExactly(1);
  }

  @Test
  void everyConsumerHasAProducerAndEveryProducerAConsumer() {
    for (int p = 1; p <= 9; p++) {
      for (int c = 1; c <= 9; c++) {
        List<Integer> reached = new ArrayList<>();
        for (int i = 0; i < p; i++) {
          int[] targets = consumersOf(i, p, c);
          assertThat(targets).isNotEmpty();
          for (int t : targets) {
            reached.add(t);
          }
        }
        assertThat(reached).containsAll(java.util.stream.IntStream.range(0, c).boxed().toList());
      }
    }
  }
}
