package io.eddy.runtime.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.connector.DiscardingSink;
import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.datastream.SingleOutputStreamOperator;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.functions.CoProcessFunction;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.ProcessFunction;
import io.eddy.api.graph.Partitioning;
import io.eddy.api.time.WatermarkStrategy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Flink's rules for default parallelism, partitioning and chaining, one test per rule. */
class JobPlanBuilderTest {
  private final StreamEnvironment env = StreamEnvironment.create().setParallelism(2);

  private JobPlan plan() {
    return JobPlanBuilder.build(env.getStreamGraph("plan"));
  }

  private static StreamNode node(JobPlan plan, String name) {
    return plan.nodes().stream().filter(n -> n.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no node " + name + " in " + plan.nodes()));
  }

  private static StreamEdge edge(JobPlan plan, String from, String to) {
    return node(plan, from).outEdges().stream().filter(e -> e.target().name().equals(to)).findFirst()
        .orElseThrow(() -> new AssertionError("no edge " + from + " -> " + to));
  }

  private static List<String> chains(JobPlan plan) {
    return plan.vertices().stream().map(JobVertex::name).toList();
  }

  private static <T> void discard(DataStream<T> stream) {
    stream.sinkTo(new DiscardingSink<>()).name("Sink");
  }

  @Test
  void collectionSourcesAreNonParallelAndRefuseMore() {
    discard(env.fromElements(1, 2).name("elements"));
    discard(env.fromData(1, 2).name("data"));
    discard(env.fromCollection(List.of(1, 2)).name("collection"));
    discard(env.fromSequence(1, 10).name("sequence"));
    JobPlan plan = plan();
    assertThat(node(plan, "elements").parallelism()).isEqualTo(1);
    assertThat(node(plan, "data").parallelism()).isEqualTo(1);
    assertThat(node(plan, "collection").parallelism()).isEqualTo(1);
    assertThat(node(plan, "sequence").parallelism()).isEqualTo(2);
    assertThatThrownBy(() -> env.fromElements(1, 2).setParallelism(2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("non parallel operator 'Collection Source' must be 1, got 2");
  }

  @Test
  void timestampAssignerTakesItsInputsParallelismAndChainsToIt() {
    discard(env.fromElements(1, 2, 3).name("source")
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Integer>forMonotonousTimestamps()
            .withTimestampAssigner((x, ts) -> x))
        .keyBy(x -> x % 2).map(x -> x).name("keyed"));
    JobPlan plan = plan();
    assertThat(node(plan, "Timestamps/Watermarks").parallelism()).isEqualTo(1);
    assertThat(edge(plan, "source", "Timestamps/Watermarks").partitioning()).isInstanceOf(Partitioning.Forward.class);
    assertThat(chains(plan)).containsExactly("source -> Timestamps/Watermarks", "keyed -> Sink");
  }

  @Test
  void operatorsAndSinksTakeTheEnvironmentsParallelismBehindRebalance() {
    discard(env.fromElements(1, 2, 3).name("source").map(x -> x).name("map"));
    JobPlan plan = plan();
    assertThat(node(plan, "map").parallelism()).isEqualTo(2);
    assertThat(node(plan, "Sink").parallelism()).isEqualTo(2);
    assertThat(edge(plan, "source", "map").partitioning()).isInstanceOf(Partitioning.Rebalance.class);
    assertThat(edge(plan, "map", "Sink").partitioning()).isInstanceOf(Partitioning.Forward.class);
    assertThat(chains(plan)).containsExactly("source", "map -> Sink");
  }

  @Test
  void keyByIsHashPartitionedAndNeverChained() {
    discard(env.fromSequence(1, 10).name("source").keyBy(x -> x % 3).map(x -> x).name("keyed"));
    JobPlan plan = plan();
    assertThat(edge(plan, "source", "keyed").partitioning()).isInstanceOf(Partitioning.Keyed.class);
    assertThat(chains(plan)).containsExactly("source", "keyed -> Sink");
  }

  @Test
  void forwardEdgesAtEqualParallelismChain() {
    discard(env.fromSequence(1, 10).name("source").map(x -> x).name("a").filter(x -> true).name("b"));
    assertThat(chains(plan())).containsExactly("source -> a -> b -> Sink");
  }

  @Test
  void differentParallelismBreaksTheChain() {
    discard(env.fromSequence(1, 10).name("source").map(x -> x).name("a").setParallelism(1));
    JobPlan plan = plan();
    assertThat(node(plan, "a").parallelism()).isEqualTo(1);
    assertThat(edge(plan, "a", "Sink").partitioning()).isInstanceOf(Partitioning.Rebalance.class);
    assertThat(chains(plan)).containsExactly("source", "a", "Sink");
  }

  @Test
  void disableChainingIsolatesTheOperatorOnBothSides() {
    discard(env.fromSequence(1, 10).name("source").map(x -> x).name("a").disableChaining().map(x -> x).name("b"));
    JobPlan plan = plan();
    assertThat(edge(plan, "source", "a").partitioning()).isInstanceOf(Partitioning.Forward.class);
    assertThat(chains(plan)).containsExactly("source", "a", "b -> Sink");
  }

  @Test
  void startNewChainBreaksOnlyBeforeTheOperator() {
    discard(env.fromSequence(1, 10).name("source").map(x -> x).name("a").startNewChain().map(x -> x).name("b"));
    assertThat(chains(plan())).containsExactly("source", "a -> b -> Sink");
  }

  @Test
  void sinkDisableChaining() {
    env.fromSequence(1, 10).name("source").sinkTo(new DiscardingSink<>()).name("Sink").disableChaining();
    assertThat(chains(plan())).containsExactly("source", "Sink");
  }

  @Test
  void chainingCanBeDisabledForTheJob() {
    env.disableOperatorChaining();
    discard(env.fromSequence(1, 10).name("source").map(x -> x).name("a"));
    assertThat(chains(plan())).containsExactly("source", "a", "Sink");
  }

  @Test
  void slotSharingGroupsAreInheritedAndDifferentGroupsDoNotChain() {
    discard(env.fromSequence(1, 10).name("source").map(x -> x).name("a").slotSharingGroup("g").map(x -> x).name("b"));
    JobPlan plan = plan();
    assertThat(node(plan, "source").slotSharingGroup()).isEqualTo("default");
    assertThat(node(plan, "a").slotSharingGroup()).isEqualTo("g");
    assertThat(node(plan, "b").slotSharingGroup()).isEqualTo("g");
    assertThat(node(plan, "Sink").slotSharingGroup()).isEqualTo("g");
    assertThat(chains(plan)).containsExactly("source", "a -> b -> Sink");
  }

  @Test
  void unionKeepsEachInputsPartitioningAndDoesNotChain() {
    DataStream<Long> a = env.fromSequence(1, 10).name("a");
    DataStream<Long> b = env.fromSequence(1, 10).name("b");
    discard(a.union(b.rebalance()).map(x -> x).name("merged"));
    JobPlan plan = plan();
    assertThat(edge(plan, "a", "merged").partitioning()).isInstanceOf(Partitioning.Forward.class);
    assertThat(edge(plan, "b", "merged").partitioning()).isInstanceOf(Partitioning.Rebalance.class);
    assertThat(chains(plan)).containsExactly("a", "b", "merged -> Sink");
  }

  @Test
  void sideOutputsKeepPartitioningAndMainAndSideMayBothChain() {
    OutputTag<Long> odd = new OutputTag<>("odd") {};
    SingleOutputStreamOperator<Long> split = env.fromSequence(1, 10).name("source")
        .process(new ProcessFunction<Long, Long>() {
          @Override
          public void processElement(Long value, Context ctx, Collector<Long> out) {
            if (value % 2 == 0) {
              out.collect(value);
            } else {
              ctx.output(odd, value);
            }
          }
        }).name("split");
    split.sinkTo(new DiscardingSink<>()).name("even");
    split.getSideOutput(odd).sinkTo(new DiscardingSink<>()).name("odd");
    split.getSideOutput(odd).global().sinkTo(new DiscardingSink<>()).name("odd-global");
    JobPlan plan = plan();
    assertThat(edge(plan, "split", "odd").tag()).isEqualTo(odd);
    assertThat(edge(plan, "split", "odd").partitioning()).isInstanceOf(Partitioning.Forward.class);
    assertThat(edge(plan, "split", "odd-global").partitioning()).isInstanceOf(Partitioning.Global.class);
    assertThat(chains(plan)).containsExactly("source -> split -> even -> odd", "odd-global");
  }

  @Test
  void explicitPartitioningsReachTheEdge() {
    DataStream<Long> source = env.fromSequence(1, 10).name("source");
    discard(source.rebalance().map(x -> x).name("rebalance"));
    discard(source.rescale().map(x -> x).name("rescale"));
    discard(source.shuffle().map(x -> x).name("shuffle"));
    discard(source.broadcast().map(x -> x).name("broadcast"));
    discard(source.global().map(x -> x).name("global"));
    discard(source.forward().map(x -> x).name("forward"));
    discard(source.partitionCustom((Long key, int n) -> (int) (key % n), x -> x).map(x -> x).name("custom"));
    JobPlan plan = plan();
    assertThat(edge(plan, "source", "rebalance").partitioning()).isInstanceOf(Partitioning.Rebalance.class);
    assertThat(edge(plan, "source", "rescale").partitioning()).isInstanceOf(Partitioning.Rescale.class);
    assertThat(edge(plan, "source", "shuffle").partitioning()).isInstanceOf(Partitioning.Shuffle.class);
    assertThat(edge(plan, "source", "broadcast").partitioning()).isInstanceOf(Partitioning.Broadcast.class);
    assertThat(edge(plan, "source", "global").partitioning()).isInstanceOf(Partitioning.Global.class);
    assertThat(edge(plan, "source", "forward").partitioning()).isInstanceOf(Partitioning.Forward.class);
    assertThat(edge(plan, "source", "custom").partitioning()).isInstanceOf(Partitioning.Custom.class);
    assertThat(edge(plan, "source", "forward").isChainable()).isTrue();
    assertThat(edge(plan, "source", "rescale").isChainable()).isFalse();
  }

  @Test
  void forwardBetweenDifferentParallelismsFails() {
    discard(env.fromElements(1, 2).name("source").forward().map(x -> x).name("map"));
    assertThatThrownBy(this::plan)
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("Forward partitioning does not allow a change of parallelism")
        .hasMessageContaining("source#").hasMessageContaining("map#");
  }

  @Test
  void duplicateUidFailsNamingBothOperators() {
    DataStream<Long> source = env.fromSequence(1, 10).name("source");
    discard(source.map(x -> x).name("first").uid("same"));
    discard(source.map(x -> x).name("second").uid("same"));
    assertThatThrownBy(this::plan)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Duplicate uid 'same' on operators 'first' and 'second'");
  }

  @Test
  void uidAndMaxParallelismReachTheNode() {
    discard(env.fromSequence(1, 10).name("source").uid("src")
        .keyBy(x -> x).map(x -> x).name("keyed").uid("keyed-uid").setMaxParallelism(16));
    JobPlan plan = plan();
    assertThat(node(plan, "source").uid()).isEqualTo("src");
    assertThat(node(plan, "keyed").uid()).isEqualTo("keyed-uid");
    assertThat(node(plan, "keyed").stateId()).isEqualTo("keyed-uid");
    assertThat(node(plan, "keyed").maxParallelism()).isEqualTo(16);
    assertThat(node(plan, "source").maxParallelism()).isEqualTo(128);
  }

  @Test
  void parallelismAboveMaxParallelismFails() {
    discard(env.fromSequence(1, 10).map(x -> x).name("map").setMaxParallelism(1));
    assertThatThrownBy(this::plan)
        .hasMessage("Operator 'map' has parallelism 2 above its max parallelism 1 (setMaxParallelism)");
    assertThatThrownBy(() -> env.fromSequence(1, 2).map(x -> x).setMaxParallelism(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> env.fromSequence(1, 2).map(x -> x).setParallelism(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void forceNonParallelPinsParallelismToOne() {
    SingleOutputStreamOperator<Long> op = env.fromSequence(1, 10).map(x -> x).name("map").forceNonParallel();
    assertThatThrownBy(() -> op.setParallelism(2)).hasMessageContaining("non parallel operator 'map' must be 1, got 2");
    discard(op);
    assertThat(node(plan(), "map").parallelism()).isEqualTo(1);
  }

  @Test
  void twoInputOperatorsNeverChainToTheirInputs() {
    DataStream<Long> a = env.fromSequence(1, 10).name("a");
    DataStream<Long> b = env.fromSequence(1, 10).name("b");
    discard(a.connect(b).process(new CoProcessFunction<Long, Long, Long>() {
      @Override
      public void processElement1(Long value, Context ctx, Collector<Long> out) {
        out.collect(value);
      }

      @Override
      public void processElement2(Long value, Context ctx, Collector<Long> out) {
        out.collect(value);
      }
    }).name("co"));
    JobPlan plan = plan();
    assertThat(edge(plan, "a", "co").partitioning()).isInstanceOf(Partitioning.Forward.class);
    assertThat(chains(plan)).containsExactly("a", "b", "co -> Sink");
  }
}
