package io.eddy.sql.plan;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.types.Row;
import io.eddy.table.runtime.ChangelogMode;
import io.eddy.table.runtime.RowExpression;
import io.eddy.table.runtime.operators.RowKeySelector;
import io.eddy.table.runtime.operators.join.JoinType;
import io.eddy.table.runtime.operators.join.KeyedCoProcessOperatorWithWatermarkDelay;
import io.eddy.table.runtime.operators.join.RowTimeIntervalJoin;
import io.eddy.table.types.LogicalType;
import java.util.List;

/**
 * Event-time interval join (Flink's IntervalJoin): a join whose condition bounds the left time
 * attribute by the right one from both sides ({@code l.ts BETWEEN r.ts + leftLowerBound AND r.ts +
 * leftUpperBound}, bounds in ms), keyed by the equi-join keys. Both inputs are insert-only and so
 * is the output; its watermark is held back by the larger relative bound. The output keeps the
 * time attribute of a side whose rows always have one: the left side's, or the right side's in a
 * right outer join; a full outer join's has none. No upsert key.
 */
public final class IntervalJoinNode extends PhysicalNode {
  private final JoinType type;
  private final long leftLowerBound;
  private final long leftUpperBound;
  private final int leftTimeField;
  private final int rightTimeField;
  private final int[] leftKeys;
  private final int[] rightKeys;
  private final RowExpression residual;
  private final String condition;

  public IntervalJoinNode(PhysicalNode left, PhysicalNode right, LogicalType rowType, JoinType type,
      long leftLowerBound, long leftUpperBound, int leftTimeField, int rightTimeField, int[] leftKeys, int[] rightKeys,
      RowExpression residual, String condition) {
    super(List.of(left, right), rowType);
    this.type = type;
    this.leftLowerBound = leftLowerBound;
    this.leftUpperBound = leftUpperBound;
    this.leftTimeField = leftTimeField;
    this.rightTimeField = rightTimeField;
    this.leftKeys = leftKeys.clone();
    this.rightKeys = rightKeys.clone();
    this.residual = residual;
    this.condition = condition;
  }

  @Override
  public ChangelogMode changelogMode() {
    return ChangelogMode.insertOnly();
  }

  @Override
  public UpsertKeys upsertKeys() {
    return UpsertKeys.NONE;
  }

  @Override
  public int rowtimeField() {
    return switch (type) {
      case INNER, LEFT -> leftTimeField;
      case RIGHT -> inputs().get(0).rowType().fieldCount() + rightTimeField;
      case FULL, SEMI, ANTI -> -1;
    };
  }

  @Override
  public String name() {
    return "IntervalJoin";
  }

  @Override
  public String attributes() {
    return "joinType=[" + type.flinkName() + "], windowBounds=[isRowTime=true, leftLowerBound=" + leftLowerBound
        + ", leftUpperBound=" + leftUpperBound + ", leftTimeIndex=" + leftTimeField + ", rightTimeIndex="
        + rightTimeField + "], where=[" + condition + "], leftKey=[" + inputs().get(0).fields(leftKeys)
        + "], rightKey=[" + inputs().get(1).fields(rightKeys) + "]";
  }

  @Override
  public DataStream<Row> translate(TranslationContext context) {
    RowTimeIntervalJoin join = new RowTimeIntervalJoin(type, leftLowerBound, leftUpperBound, leftTimeField,
        rightTimeField, inputs().get(0).rowType().fieldCount(), inputs().get(1).rowType().fieldCount(), residual);
    return KeyedCoProcessOperatorWithWatermarkDelay.transform("IntervalJoin", context.streamOf(inputs().get(0)),
        context.streamOf(inputs().get(1)), new RowKeySelector(leftKeys), new RowKeySelector(rightKeys), join,
        join.maxOutputDelay());
  }
}
