package io.eddy.sql.plan;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.types.Row;
import io.eddy.table.runtime.operators.join.lookup.LookupJoinFunction;
import io.eddy.table.types.LogicalType;
import java.util.List;

/**
 * Lookup join (Flink's LookupJoin): each row of the probe input joined with the rows a lookup
 * table has for its key when it arrives (processing time), inner or left outer. Its output is the
 * probe row followed by the table's physical columns. Row kinds pass through, so the changelog
 * mode is the input's; as it may drop (inner) or multiply rows, it cannot forward an upsert
 * stream and keeps no upsert key. Stateless: runs at its input's parallelism and chains.
 */
public final class LookupJoinNode extends ForwardingNode {
  private final LookupJoinFunction function;
  private final String description;

  public LookupJoinNode(PhysicalNode probe, LogicalType rowType, LookupJoinFunction function, String description) {
    super(List.of(probe), rowType);
    this.function = function;
    this.description = description;
  }

  @Override
  public boolean filtersUpdates() {
    return true;
  }

  @Override
  public UpsertKeys upsertKeys() {
    return UpsertKeys.NONE;
  }

  @Override
  public String name() {
    return "LookupJoin";
  }

  @Override
  public String attributes() {
    return description;
  }

  @Override
  public DataStream<Row> translate(TranslationContext context) {
    DataStream<Row> in = context.streamOf(input());
    return in.flatMap(function).name("LookupJoin").setParallelism(in.getParallelism());
  }
}
