package io.eddy.sql.plan;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.types.Row;
import io.eddy.table.runtime.ChangelogMode;
import io.eddy.table.runtime.RowExpression;
import io.eddy.table.runtime.operators.RowKeySelector;
import io.eddy.table.runtime.operators.join.JoinFunction;
import io.eddy.table.runtime.operators.join.JoinInputSpec;
import io.eddy.table.runtime.operators.join.JoinType;
import io.eddy.table.runtime.operators.join.SemiAntiJoinFunction;
import io.eddy.table.types.LogicalType;
import java.util.List;

/**
 * Regular join, inner, outer, semi or anti (Flink's Join): both inputs keyed by their join key
 * fields (one key for all rows when there is no equality), all rows of both sides in state, in a
 * view chosen by each input's upsert key and changelog ({@link JoinInputSpec}). An
 * inner or semi join of insert-only inputs is insert-only, any other {@code [I,D]} (updates arrive
 * as deletes and inserts; an outer join retracts its NULL-padded rows, an anti join its left rows
 * that find a partner). Upsert keys as Flink's FlinkRelMdUpsertKeys derives them: an input's keys
 * survive the shuffle by join key only if they contain the join key; a semi or anti join keeps
 * the left input's; other joins have each left key united with each right key, and a side's keys
 * alone when the other side has at most one row per join key (its join key contains one of its
 * upsert keys) and the join pads no NULLs into that side.
 */
public final class JoinNode extends PhysicalNode {
  private final JoinType type;
  private final int[] leftKeys;
  private final int[] rightKeys;
  private final RowExpression residual;
  private final String condition;

  public JoinNode(PhysicalNode left, PhysicalNode right, LogicalType rowType, JoinType type, int[] leftKeys,
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
    return (type == JoinType.INNER || type == JoinType.SEMI) && inputs().get(0).changelogMode().isInsertOnly()
        && inputs().get(1).changelogMode().isInsertOnly()
        ? ChangelogMode.insertOnly()
        : ChangelogMode.of(java.util.EnumSet.of(io.eddy.api.types.RowKind.INSERT, io.eddy.api.types.RowKind.DELETE));
  }

  @Override
  public UpsertKeys upsertKeys() {
    UpsertKeys left = inputs().get(0).upsertKeys();
    UpsertKeys right = inputs().get(1).upsertKeys();
    UpsertKeys leftKept = left.containing(leftKeys);
    if (type.leftRowsOnly()) {
      return leftKept;
    }
    UpsertKeys rightKept = right.containing(rightKeys).shift(inputs().get(0).rowType().fieldCount());
    UpsertKeys keys = leftKept.unitedWith(rightKept);
    if (right.anyWithin(rightKeys) && !type.isRightOuter()) {
      keys = keys.and(leftKept);
    }
    if (left.anyWithin(leftKeys) && !type.isLeftOuter()) {
      keys = keys.and(rightKept);
    }
    return keys;
  }

  @Override
  public String name() {
    return "Join";
  }

  @Override
  public String attributes() {
    String attributes = "joinType=[" + type.flinkName() + "], where=[" + condition + "], leftKey=["
        + inputs().get(0).fields(leftKeys) + "], rightKey=[" + inputs().get(1).fields(rightKeys) + "]";
    return type.leftRowsOnly() ? attributes : attributes + ", leftInputSpec=["
        + inputSpec(inputs().get(0), leftKeys).flinkName() + "], rightInputSpec=["
        + inputSpec(inputs().get(1), rightKeys).flinkName() + "]";
  }

  /**
   * How the join keeps the rows of {@code input} (Flink's JoinUtil.analyzeJoinInput): by the
   * smallest of its upsert keys inside the join key, else by its smallest upsert key, else whole.
   */
  private static JoinInputSpec inputSpec(PhysicalNode input, int[] joinKeys) {
    UpsertKeys keys = input.upsertKeys();
    int[] inJoinKey = keys.within(joinKeys).smallest();
    return JoinInputSpec.of(inJoinKey != null ? inJoinKey : keys.smallest(), joinKeys,
        input.changelogMode().isInsertOnly());
  }

  @Override
  public DataStream<Row> translate(TranslationContext context) {
    return context.streamOf(inputs().get(0)).connect(context.streamOf(inputs().get(1)))
        .keyBy(new RowKeySelector(leftKeys), new RowKeySelector(rightKeys))
        .process(type.leftRowsOnly() ? new SemiAntiJoinFunction(type, residual, context.stateTtl())
            : new JoinFunction(type, inputs().get(0).rowType().fieldCount(), inputs().get(1).rowType().fieldCount(),
                inputSpec(inputs().get(0), leftKeys), inputSpec(inputs().get(1), rightKeys), residual, context.stateTtl()))
        .name("Join");
  }
}
