package io.eddy.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.functions.CoMapFunction;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.functions.RichCoFlatMapFunction;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.runtime.testing.TwoInputHarness;
import org.junit.jupiter.api.Test;

/** ConnectedStreams.map/flatMap, plain and keyed (keyed state shared by both inputs per key). */
class CoMapOperatorsTest {

  static final class Describe implements CoMapFunction<String, Integer, String> {
    @Override public String map1(String value) { return "1:" + value; }
    @Override public String map2(Integer value) { return "2:" + (value * 2); }
  }

  @Test
  void coMapAppliesOneMethodPerInputAndKeepsTimestamps() throws Exception {
    var h = TwoInputHarness.<String, Integer, String>of((a, b) -> a.connect(b).map(new Describe())).open();
    h.processElement1("x", 5);
    h.processElement2(21, 6);
    assertThat(h.output()).containsExactly("1:x", "2:42");
    assertThat(h.outputTimestamps()).containsExactly(5L, 6L);
  }

  /** Remembers the last text per key from input 1 and joins it to numbers of input 2 with the same key. */
  static final class Enrich extends RichCoFlatMapFunction<String, Integer, String> {
    private transient ValueState<String> last;

    @Override
    public void open(OpenContext ctx) {
      last = getRuntimeContext().getState(new ValueStateDescriptor<>("last", String.class));
    }

    @Override
    public void flatMap1(String value, Collector<String> out) throws Exception {
      last.update(value);
    }

    @Override
    public void flatMap2(Integer value, Collector<String> out) throws Exception {
      if (last.value() != null) {
        out.collect(last.value() + "=" + value);
        out.collect(last.value() + "=" + value);
      }
    }
  }

  @Test
  void keyedCoFlatMapSharesStatePerKeyAcrossInputs() throws Exception {
    var h = TwoInputHarness.<String, Integer, String>of((a, b) -> a.connect(b)
        .keyBy(s -> s.length(), i -> i).flatMap(new Enrich())).open();
    h.processElement1("aa", 1);
    h.processElement1("bbb", 2);
    h.processElement2(2, 3);
    h.processElement2(3, 4);
    h.processElement2(4, 5);
    h.processElement1("cc", 6);
    h.processElement2(2, 7);
    assertThat(h.output()).containsExactly("aa=2", "aa=2", "bbb=3", "bbb=3", "cc=2", "cc=2");
  }
}
