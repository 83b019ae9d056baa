package io.eddy.sql.plan;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.types.Row;
import io.eddy.table.runtime.ChangelogMode;
import io.eddy.table.runtime.operators.RowKeySelector;
import io.eddy.table.runtime.operators.rank.RankFunction;
import io.eddy.table.runtime.operators.rank.SortSpec;
import io.eddy.table.types.LogicalType;
import java.util.List;

/**
 * Top-N over {@code ROW_NUMBER()} (Flink's Rank): keyed by the partition fields, the input's rows
 * then, if {@code outputRankNumber}, the rank (BIGINT). Consumes any changelog (the append-only
 * strategy when the input is insert-only, the retract strategy otherwise); produces updates,
 * {@code [I,UB,UA,D]} as Flink declares (with the rank number updates per rank, -U omitted when no
 * consumer needs them; without it only -D and +I). Upsert
 * key: partition fields and rank number, or the partition fields of a top-1 without it.
 */
public final class RankNode extends PhysicalNode {
  private final int[] partition;
  private final SortSpec sort;
  private final long start;
  private final long end;
  private final boolean outputRankNumber;

  public RankNode(PhysicalNode input, LogicalType rowType, int[] partition, SortSpec sort, long start, long end,
      boolean outputRankNumber) {
    super(List.of(input), rowType);
    this.partition = partition.clone();
    this.sort = sort;
    this.start = start;
    this.end = end;
    this.outputRankNumber = outputRankNumber;
  }

  private boolean appendOnlyInput() {
    return input().changelogMode().isInsertOnly();
  }

  @Override
  public ChangelogMode changelogMode() {
    return ChangelogMode.all();
  }

  @Override
  public boolean canOmitUpdateBefore() {
    return true;
  }

  @Override
  public UpsertKeys upsertKeys() {
    if (outputRankNumber) {
      int[] key = java.util.Arrays.copyOf(partition, partition.length + 1);
      key[partition.length] = rowType().fieldCount() - 1;
      return UpsertKeys.of(key);
    }
    return end == 1 ? UpsertKeys.of(partition) : UpsertKeys.NONE;
  }

  @Override
  public String name() {
    return "Rank";
  }

  @Override
  public String attributes() {
    StringBuilder order = new StringBuilder();
    int[] fields = sort.fields();
    for (int i = 0; i < fields.length; i++) {
      order.append(i == 0 ? "" : ", ").append(input().field(fields[i])).append(sort.ascending(i) ? " ASC" : " DESC");
    }
    return "strategy=[" + (appendOnlyInput() ? "AppendFastStrategy" : "RetractStrategy")
        + "], rankType=[ROW_NUMBER], rankRange=[rankStart=" + start + ", rankEnd=" + end + "], partitionBy=["
        + input().fields(partition) + "], orderBy=[" + order + "], select=[" + String.join(", ", rowType().fieldNames())
        + "]";
  }

  @Override
  public DataStream<Row> translate(TranslationContext context) {
    return context.streamOf(input()).keyBy(new RowKeySelector(partition))
        .process(new RankFunction(sort, start, end, outputRankNumber, appendOnlyInput(), context.updateBefore(this),
            context.stateTtl()))
        .name("Rank");
  }
}
