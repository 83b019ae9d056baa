package io.eddy.sql.plan;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import io.eddy.table.runtime.ChangelogMode;
import io.eddy.table.runtime.operators.RowKeySelector;
import io.eddy.table.runtime.operators.rank.DeduplicateFunction;
import io.eddy.table.types.LogicalType;
import java.util.EnumSet;
import java.util.List;

/**
 * Deduplication (Flink's Deduplicate): {@code ROW_NUMBER() OVER (PARTITION BY k ORDER BY time
 * ASC|DESC) = 1} over an insert-only input, with {@code time} a time attribute and the rank not
 * selected. Keeps the first (ASC) or last (DESC) row per key by event time ({@code rowtimeField})
 * or arrival (processing time, -1). Output: insert-only for first row on processing time, else
 * {@code [I,UB,UA]}; the partition fields are the upsert key.
 */
public final class DeduplicateNode extends PhysicalNode {
  private final int[] partition;
  private final boolean keepLastRow;
  private final int rowtimeField;

  public DeduplicateNode(PhysicalNode input, int[] partition, boolean keepLastRow, int rowtimeField) {
    super(List.of(input), input.rowType());
    if (!input.changelogMode().isInsertOnly()) {
      throw new IllegalArgumentException("Deduplicate needs an insert-only input, " + input.name() + " produces "
          + input.changelogMode());
    }
    this.partition = partition.clone();
    this.keepLastRow = keepLastRow;
    this.rowtimeField = rowtimeField;
  }

  @Override
  public ChangelogMode changelogMode() {
    return !keepLastRow && rowtimeField < 0 ? ChangelogMode.insertOnly()
        : ChangelogMode.of(EnumSet.of(RowKind.INSERT, RowKind.UPDATE_BEFORE, RowKind.UPDATE_AFTER));
  }

  @Override
  public boolean canOmitUpdateBefore() {
    return true;
  }

  @Override
  public UpsertKeys upsertKeys() {
    return UpsertKeys.of(partition);
  }

  @Override
  public int versionTimeField() {
    return keepLastRow && rowtimeField >= 0 ? rowtimeField : rowtimeField();
  }

  @Override
  public int rowtimeField() {
    return changelogMode().isInsertOnly() ? input().rowtimeField() : -1;
  }

  @Override
  public String name() {
    return "Deduplicate";
  }

  @Override
  public String attributes() {
    return "keep=[" + (keepLastRow ? "LastRow" : "FirstRow") + "], key=[" + input().fields(partition) + "], order=["
        + (rowtimeField < 0 ? "PROCTIME" : "ROWTIME") + "]";
  }

  @Override
  public DataStream<Row> translate(TranslationContext context) {
    return context.streamOf(input()).keyBy(new RowKeySelector(partition))
        .process(new DeduplicateFunction(keepLastRow, rowtimeField, context.updateBefore(this), context.stateTtl())).name("Deduplicate");
  }
}
