package io.eddy.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.functions.Collector;
import io.eddy.api.functions.ProcessJoinFunction;
import io.eddy.api.tuple.Tuple2;
import io.eddy.runtime.testing.TwoInputHarness;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IntervalJoinOperatorTest {
  static final class Pair extends ProcessJoinFunction<Tuple2<String, Integer>, Tuple2<String, Integer>, String> {
    @Override
    public void processElement(Tuple2<String, Integer> l, Tuple2<String, Integer> r, Context ctx, Collector<String> out) {
      out.collect(l.f1 + "-" + r.f1 + "@" + ctx.getTimestamp());
    }
  }

  @Test
  void joinsWithinBoundsInEitherArrivalOrderAndCleansUp() throws Exception {
    var h = TwoInputHarness.<Tuple2<String, Integer>, Tuple2<String, Integer>, String>of((a, b) ->
        a.keyBy(x -> x.f0).intervalJoin(b.keyBy(x -> x.f0))
            .between(Duration.ofMillis(-2), Duration.ofMillis(3)).process(new Pair())).open();
    h.processElement1(Tuple2.of("k", 10), 10);
    h.processElement2(Tuple2.of("k", 8), 8);   // 8 in [10-2, 10+3]
    h.processElement2(Tuple2.of("k", 13), 13); // 13 in [8, 13]
    h.processElement2(Tuple2.of("k", 14), 14); // outside
    h.processElement2(Tuple2.of("x", 10), 10); // other key
    h.processElement1(Tuple2.of("k", 12), 12); // matches 13, 14 (in [10, 15])
    assertThat(h.output()).containsExactlyInAnyOrder("10-8@10", "10-13@13", "12-13@13", "12-14@14");
    h.processWatermark(100);
    h.clearOutput();
    h.processElement1(Tuple2.of("k", 11), 11); // late: dropped
    h.processElement1(Tuple2.of("k", 101), 101);
    assertThat(h.output()).isEmpty();
  }
}
