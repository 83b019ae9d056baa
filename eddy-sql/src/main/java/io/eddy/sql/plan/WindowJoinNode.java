package io.eddy.sql.plan;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.types.Row;
import io.eddy.table.runtime.ChangelogMode;
import io.eddy.table.runtime.RowExpression;
import io.eddy.table.runtime.operators.RowKeySelector;
import io.eddy.table.runtime.operators.join.JoinType;
import io.eddy.table.runtime.operators.join.WindowJoinFunction;
import io.eddy.table.runtime.operators.join.WindowJoinProcessor;
import io.eddy.table.runtime.operators.window.WindowAssignment;
import io.eddy.table.types.LogicalType;
import java.util.List;

/**
 * Window join (Flink's WindowJoin): two inputs with the same windows (both the rows of one window
 * table function, directly or through a window aggregation, window Top-N or Calcs), joined on
 * equal {@code window_start} and {@code window_end} plus the equi-join keys, which key both
 * inputs. Each window's rows are joined once the watermark passes its end. Insert-only in and
 * out, no upsert key. The output keeps the window columns and the time attribute of the side
 * whose rows are always there (left, right for a right outer join, none for a full outer join);
 * a semi or anti join outputs the left rows alone.
 */
public final class WindowJoinNode extends PhysicalNode {
  private final JoinType type;
  private final int[] leftKeys;
  private final int[] rightKeys;
  private final RowExpression residual;
  private final String condition;

  public WindowJoinNode(PhysicalNode left, PhysicalNode right, LogicalType rowType, JoinType type, int[] leftKeys,
      int[] rightKeys, RowExpression residual, String condition) {
    super(List.of(left, right), rowType);
    requireInsertOnly(left);
    requireInsertOnly(right);
    this.type = type;
    this.leftKeys = leftKeys.clone();
    this.rightKeys = rightKeys.clone();
    this.residual = residual;
    this.condition = condition;
  }

  private static void requireInsertOnly(PhysicalNode input) {
    if (!input.changelogMode().isInsertOnly()) {
      throw new UnsupportedOperationException("StreamPhysicalWindowJoin doesn't support consuming update and delete"
          + " changes which is produced by node " + input.name() + "(" + input.attributes() + ")");
    }
  }

  @Override
  public ChangelogMode changelogMode() {
    return ChangelogMode.insertOnly();
  }

  @Override
  public UpsertKeys upsertKeys() {
    return UpsertKeys.NONE;
  }

  /** The input whose fields are always present in the output, or null for a full outer join. */
  private PhysicalNode keptSide() {
    return switch (type) {
      case INNER, LEFT, SEMI, ANTI -> inputs().get(0);
      case RIGHT -> inputs().get(1);
      case FULL -> null;
    };
  }

  /** The output field of field {@code field} of the kept side, or -1. */
  private int outputField(int field) {
    return field < 0 ? -1 : keptSide() == inputs().get(1) ? inputs().get(0).rowType().fieldCount() + field : field;
  }

  @Override
  public int rowtimeField() {
    return keptSide() == null ? -1 : outputField(keptSide().rowtimeField());
  }

  @Override
  public int[] windowBounds() {
    return keptSide() == null ? null
        : new int[] {outputField(keptSide().windowBounds()[0]), outputField(keptSide().windowBounds()[1])};
  }

  @Override
  public WindowAssignment windowing() {
    return inputs().get(0).windowing();
  }

  @Override
  public String name() {
    return "WindowJoin";
  }

  @Override
  public String attributes() {
    return "leftWindow=[" + window(inputs().get(0)) + "], rightWindow=[" + window(inputs().get(1)) + "], joinType=["
        + type.flinkName() + "], where=[" + condition + "], leftKey=[" + inputs().get(0).fields(leftKeys)
        + "], rightKey=[" + inputs().get(1).fields(rightKeys) + "]";
  }

  private static String window(PhysicalNode input) {
    int[] bounds = input.windowBounds();
    return input.windowing() + "(win_start=[" + input.field(bounds[0]) + "], win_end=[" + input.field(bounds[1]) + "])";
  }

  @Override
  public DataStream<Row> translate(TranslationContext context) {
    PhysicalNode left = inputs().get(0);
    PhysicalNode right = inputs().get(1);
    WindowJoinProcessor processor = new WindowJoinProcessor(type, left.rowType().fieldCount(),
        right.rowType().fieldCount(), residual);
    return context.streamOf(left).connect(context.streamOf(right))
        .keyBy(new RowKeySelector(leftKeys), new RowKeySelector(rightKeys))
        .process(new WindowJoinFunction(left.windowBounds()[1], right.windowBounds()[1], processor))
        .name("WindowJoin");
  }
}
