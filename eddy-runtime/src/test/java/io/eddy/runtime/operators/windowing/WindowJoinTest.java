package io.eddy.runtime.operators.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.datastream.CoGroupedStreams.TaggedUnion;
import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.functions.Collector;
import io.eddy.api.graph.OneInputTransformation;
import io.eddy.api.graph.PartitionTransformation;
import io.eddy.api.graph.UnionTransformation;
import io.eddy.api.tuple.Tuple2;
import io.eddy.api.windowing.TumblingEventTimeWindows;
import io.eddy.runtime.testing.HarnessSnapshot;
import io.eddy.runtime.testing.OneInputHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Window join and coGroup: the keyed window over the tagged union of both inputs. The harness
 * drives that window step (the pipeline's last) with tagged records, as the union delivers them.
 */
class WindowJoinTest {
  private static final StreamEnvironment ENV = StreamEnvironment.create();

  private static Tuple2<String, Integer> t(String k, int v) {
    return Tuple2.of(k, v);
  }

  private static <A, B> TaggedUnion<A, B> one(A a) {
    return TaggedUnion.one(a);
  }

  private static <A, B> TaggedUnion<A, B> two(B b) {
    return TaggedUnion.two(b);
  }

  @Test
  void joinPairsEveryLeftWithEveryRightOfTheSameKeyAndWindow() throws Exception {
    var h = OneInputHarness.<TaggedUnion<Tuple2<String, Integer>, Tuple2<String, Integer>>, String>of(s ->
        joined(s, "join")).open();
    h.processElement(one(t("a", 1)), 1);
    h.processElement(two(t("a", 10)), 2);
    h.processElement(one(t("a", 2)), 3);
    h.processElement(two(t("a", 20)), 4);
    h.processElement(one(t("b", 3)), 5); // no right side in its window: no output
    h.processElement(two(t("a", 30)), 12); // next window, no left side
    h.endInput();
    assertThat(h.output()).containsExactlyInAnyOrder("1-10", "1-20", "2-10", "2-20");
  }

  @Test
  void coGroupSeesBothSidesAndEmptySidesAcrossARestore() throws Exception {
    var h = OneInputHarness.<TaggedUnion<Tuple2<String, Integer>, Tuple2<String, Integer>>, String>of(s ->
        joined(s, "coGroup")).open();
    h.processElement(one(t("a", 1)), 1);
    h.processElement(two(t("a", 10)), 2);
    HarnessSnapshot snapshot = h.snapshot();
    var restored = OneInputHarness.<TaggedUnion<Tuple2<String, Integer>, Tuple2<String, Integer>>, String>of(s ->
        joined(s, "coGroup")).restore(snapshot).open();
    restored.processElement(one(t("a", 2)), 3);
    restored.processElement(one(t("b", 3)), 5);
    restored.processElement(two(t("c", 30)), 12);
    restored.endInput();
    assertThat(restored.output()).containsExactlyInAnyOrder("a [1, 2] [10]", "b [3] []", "c [] [30]");
  }

  /** The join or coGroup of the harness input with itself; its last step is the window. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static DataStream<String> joined(
      DataStream<TaggedUnion<Tuple2<String, Integer>, Tuple2<String, Integer>>> input, String kind) {
    DataStream<Tuple2<String, Integer>> side = (DataStream) input;
    return kind.equals("join")
        ? side.join(side).where(x -> x.f0).equalTo(x -> x.f0)
            .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
            .apply((Tuple2<String, Integer> l, Tuple2<String, Integer> r) -> l.f1 + "-" + r.f1)
        : side.coGroup(side).where(x -> x.f0).equalTo(x -> x.f0)
            .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
            .apply((Iterable<Tuple2<String, Integer>> ls, Iterable<Tuple2<String, Integer>> rs,
                Collector<String> out) -> out.collect(key(ls, rs) + " " + values(ls) + " " + values(rs)));
  }

  private static String key(Iterable<Tuple2<String, Integer>> ls, Iterable<Tuple2<String, Integer>> rs) {
    return (ls.iterator().hasNext() ? ls : rs).iterator().next().f0;
  }

  private static List<Integer> values(Iterable<Tuple2<String, Integer>> side) {
    List<Integer> values = new ArrayList<>();
    side.forEach(x -> values.add(x.f1));
    return values;
  }

  @Test
  void joinIsAWindowOverTheUnionOfBothTaggedInputs() {
    DataStream<Tuple2<String, Integer>> left = ENV.fromCollection(List.of(t("a", 1)));
    DataStream<Tuple2<String, Integer>> right = ENV.fromCollection(List.of(t("a", 2)));
    var joined = left.join(right).where(x -> x.f0).equalTo(x -> x.f0)
        .window(TumblingEventTimeWindows.of(Duration.ofMillis(10))).apply((l, r) -> l.f1 + r.f1);
    var window = (OneInputTransformation<?, ?>) joined.getTransformation();
    var keyed = (PartitionTransformation<?>) window.getInputs().get(0);
    assertThat(keyed.getInputs().get(0)).isInstanceOf(UnionTransformation.class);
    assertThat(keyed.getInputs().get(0).getInputs()).hasSize(2);
  }
}
