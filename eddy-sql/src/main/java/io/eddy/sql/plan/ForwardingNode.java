package io.eddy.sql.plan;

import io.eddy.table.runtime.ChangelogMode;
import io.eddy.table.types.LogicalType;
import java.util.List;

/**
 * A node that passes its (first) input's changes on as they come, row by row (Calc, Correlate,
 * Expand, a lookup join, the watermark assigner, a sink): it emits the kinds of change its input
 * emits and needs of -U rows what its consumer needs.
 */
public abstract class ForwardingNode extends PhysicalNode {
  protected ForwardingNode(List<PhysicalNode> inputs, LogicalType rowType) {
    super(inputs, rowType);
  }

  @Override
  public final boolean forwardsUpdates() {
    return true;
  }

  @Override
  public ChangelogMode changelogMode() {
    return input().changelogMode();
  }
}
