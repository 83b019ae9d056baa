package io.eddy.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.tuple.Tuple2;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmokeJobTest {
  @Test
  void keyedSumOverCollection() {
    StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
    List<Tuple2<String, Integer>> out = new ArrayList<>();
    env.fromElements("a", "b", "a", "c", "a", "b")
        .map(w -> Tuple2.of(w, 1))
        .keyBy(t -> t.f0)
        .sum(1)
        .executeAndCollect()
        .forEachRemaining(out::add);
    assertThat(out).hasSize(6).contains(Tuple2.of("a", 3), Tuple2.of("b", 2), Tuple2.of("c", 1));
  }
}
