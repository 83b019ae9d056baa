package io.eddy.sql.plan;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.types.Row;
import io.eddy.table.runtime.ChangelogMode;
import io.eddy.table.types.LogicalType;
import java.util.List;

/** UNION ALL: the changes of all inputs; its mode is the union of theirs, without a key. */
public final class UnionNode extends PhysicalNode {
  public UnionNode(List<PhysicalNode> inputs, LogicalType rowType) {
    super(inputs, rowType);
  }

  @Override
  public boolean forwardsUpdates() {
    return true;
  }

  @Override
  public ChangelogMode changelogMode() {
    ChangelogMode mode = inputs().get(0).changelogMode();
    for (PhysicalNode input : inputs()) {
      mode = mode.union(input.changelogMode());
    }
    return mode;
  }

  @Override
  public UpsertKeys upsertKeys() {
    return UpsertKeys.NONE;
  }

  @Override
  public String name() {
    return "Union";
  }

  @Override
  public String attributes() {
    return "all=[true], union=[" + String.join(", ", rowType().fieldNames()) + "]";
  }

  @Override
  @SuppressWarnings("unchecked")
  public DataStream<Row> translate(TranslationContext context) {
    DataStream<Row> first = context.streamOf(inputs().get(0));
    DataStream<Row>[] others = new DataStream[inputs().size() - 1];
    for (int i = 1; i < inputs().size(); i++) {
      others[i - 1] = context.streamOf(inputs().get(i));
    }
    return first.union(others);
  }
}
