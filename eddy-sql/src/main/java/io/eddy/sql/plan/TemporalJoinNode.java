package io.eddy.sql.plan;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.types.Row;
import io.eddy.table.runtime.ChangelogMode;
import io.eddy.table.runtime.RowExpression;
import io.eddy.table.runtime.operators.RowKeySelector;
import io.eddy.table.runtime.operators.join.JoinType;
import io.eddy.table.runtime.operators.join.TemporalJoinProcessor;
import io.eddy.table.runtime.operators.join.TemporalRowTimeJoinFunction;
import io.eddy.table.types.LogicalType;
import java.util.List;

/**
 * Event-time temporal join (Flink's TemporalJoin): each left row joined with the version of the
 * versioned table (right input, keyed by its primary key) valid at the left row's rowtime, inner
 * or left outer. The left input's changes pass through with their kinds, so the output's
 * changelog mode is the left input's; the versioned table is read as an upsert stream (+U rows
 * alone). The output keeps the left rowtime attribute. No upsert key. {@code table.exec.state.ttl}
 * is the operator's state retention time, as in Flink.
 */
public final class TemporalJoinNode extends PhysicalNode {
  private final JoinType type;
  private final int[] leftKeys;
  private final int[] rightKeys;
  private final RowExpression residual;
  private final String condition;

  public TemporalJoinNode(PhysicalNode left, PhysicalNode right, LogicalType rowType, JoinType type, int[] leftKeys,
      int[] rightKeys, RowExpression residual, String condition) {
    super(List.of(left, right), rowType);
    this.type = type;
    this.leftKeys = leftKeys.clone();
    this.rightKeys = rightKeys.clone();
    this.residual = residual;
    this.condition = condition;
  }

  @Override
  public ChangelogMode changelogMode() {
    return inputs().get(0).changelogMode();
  }

  @Override
  public UpdateKind updatesNeededOf(int input) {
    return input == 1 ? UpdateKind.ONLY_UPDATE_AFTER : UpdateKind.BEFORE_AND_AFTER;
  }

  @Override
  public UpsertKeys upsertKeys() {
    return UpsertKeys.NONE;
  }

  @Override
  public int rowtimeField() {
    return inputs().get(0).rowtimeField();
  }

  @Override
  public String name() {
    return "TemporalJoin";
  }

  @Override
  public String attributes() {
    return "joinType=[" + type.flinkName() + "], where=[" + condition + "], leftKey=[" + inputs().get(0).fields(leftKeys)
        + "], rightKey=[" + inputs().get(1).fields(rightKeys) + "], rightTimeIndex=[" + inputs().get(1).versionTimeField()
        + "]";
  }

  @Override
  public DataStream<Row> translate(TranslationContext context) {
    PhysicalNode left = inputs().get(0);
    PhysicalNode right = inputs().get(1);
    TemporalJoinProcessor processor = new TemporalJoinProcessor(type.isLeftOuter(), left.rowtimeField(),
        right.versionTimeField(), left.rowType().fieldCount(), right.rowType().fieldCount(), residual);
    return context.streamOf(left).connect(context.streamOf(right))
        .keyBy(new RowKeySelector(leftKeys), new RowKeySelector(rightKeys))
        .process(new TemporalRowTimeJoinFunction(processor, context.stateTtl()))
        .name("TemporalJoin");
  }
}
