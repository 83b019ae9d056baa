package io.eddy.runtime.graph;

import io.eddy.api.connector.Sink;
import io.eddy.api.connector.Source;
import io.eddy.api.functions.KeySelector;
import io.eddy.api.graph.ChainingStrategy;
import io.eddy.api.graph.OperatorSpec;
import io.eddy.api.graph.Transformation;
import io.eddy.api.time.WatermarkStrategy;
import java.util.ArrayList;
import java.util.List;

/**
 * One operator of the physical plan with its resolved settings (parallelism, max parallelism,
 * slot-sharing group). Exactly one of source, spec or sink is set. Edges are filled in by
 * {@link JobPlanBuilder}.
 */
public final class StreamNode {
  /** What the node is. */
  public enum Kind { SOURCE, ONE_INPUT, TWO_INPUT, SINK }

  final int id;
  final String name;
  final String uid;
  final Kind kind;
  final int parallelism;
  final int maxParallelism;
  final ChainingStrategy chainingStrategy;
  final String slotSharingGroup;
  final Source<?> source;
  final WatermarkStrategy<?> watermarkStrategy;
  final OperatorSpec spec;
  final Sink<?> sink;
  final KeySelector<?, ?> keySelector1;
  final KeySelector<?, ?> keySelector2;
  final List<StreamEdge> inEdges = new ArrayList<>();
  final List<StreamEdge> outEdges = new ArrayList<>();

  StreamNode(int id, Transformation<?> t, Kind kind, int parallelism, int maxParallelism, String slotSharingGroup,
      Source<?> source, WatermarkStrategy<?> watermarkStrategy, OperatorSpec spec, Sink<?> sink,
      KeySelector<?, ?> keySelector1, KeySelector<?, ?> keySelector2) {
    this.id = id;
    this.name = t.getName();
    this.uid = t.getUid();
    this.kind = kind;
    this.parallelism = parallelism;
    this.maxParallelism = maxParallelism;
    this.chainingStrategy = t.getChainingStrategy();
    this.slotSharingGroup = slotSharingGroup;
    this.source = source;
    this.watermarkStrategy = watermarkStrategy;
    this.spec = spec;
    this.sink = sink;
    this.keySelector1 = keySelector1;
    this.keySelector2 = keySelector2;
  }

  public int id() {
    return id;
  }

  public String name() {
    return name;
  }

  /** The uid the user set with {@code uid(...)}, or null. */
  public String uid() {
    return uid;
  }

  public Kind kind() {
    return kind;
  }

  public int parallelism() {
    return parallelism;
  }

  /** Number of key groups of this operator's keyed state: its own setting, else the job's. */
  public int maxParallelism() {
    return maxParallelism;
  }

  public ChainingStrategy chainingStrategy() {
    return chainingStrategy;
  }

  public String slotSharingGroup() {
    return slotSharingGroup;
  }

  public Source<?> source() {
    return source;
  }

  public WatermarkStrategy<?> watermarkStrategy() {
    return watermarkStrategy;
  }

  public OperatorSpec spec() {
    return spec;
  }

  public Sink<?> sink() {
    return sink;
  }

  /** The key of the (first) input when the operator is keyed, else null. */
  public KeySelector<?, ?> keySelector1() {
    return keySelector1;
  }

  public KeySelector<?, ?> keySelector2() {
    return keySelector2;
  }

  public List<StreamEdge> inEdges() {
    return inEdges;
  }

  public List<StreamEdge> outEdges() {
    return outEdges;
  }

  /** The operator's state identity: the uid if the user set one, else derived from its position. */
  public String stateId() {
    return uid != null ? uid : "node-" + id + "-" + name;
  }

  @Override
  public String toString() {
    return name + "#" + id + "(p=" + parallelism + ")";
  }
}
