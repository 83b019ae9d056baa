package io.eddy.sql.plan;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.types.Row;
import io.eddy.table.runtime.ChangelogMode;
import io.eddy.table.runtime.operators.RowKeySelector;
import io.eddy.table.runtime.operators.rank.SortSpec;
import io.eddy.table.runtime.operators.rank.WindowRankFunction;
import io.eddy.table.runtime.operators.window.WindowAssignment;
import io.eddy.table.types.LogicalType;
import java.util.List;

/**
 * Window Top-N by ROW_NUMBER() partitioned by (at least) window_start and window_end of a
 * windowed input (Flink's WindowRank), and window deduplication as its top-1 by time (Flink's
 * WindowDeduplicate): each window's ranked rows are emitted once, as inserts, when the watermark
 * passes its end. Output: the input's fields, then the rank number (BIGINT) if selected.
 */
public final class WindowRankNode extends PhysicalNode {
  private final int[] partition;
  private final SortSpec sort;
  private final long start;
  private final long end;
  private final boolean outputRankNumber;
  private final boolean deduplicateLast;

  /** {@code deduplicateLast}: the latest of rows with equal sort keys ranks first (Flink's keep-last deduplication). */
  public WindowRankNode(PhysicalNode input, LogicalType rowType, int[] partition, SortSpec sort, long start, long end,
      boolean outputRankNumber, boolean deduplicateLast) {
    super(List.of(input), rowType);
    if (!input.changelogMode().isInsertOnly()) {
      throw new UnsupportedOperationException("Window Top-N over an updating input (" + input.name() + " produces "
          + input.changelogMode() + ") is not supported");
    }
    this.partition = partition.clone();
    this.sort = sort;
    this.start = start;
    this.end = end;
    this.outputRankNumber = outputRankNumber;
    this.deduplicateLast = deduplicateLast;
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
  public int[] windowBounds() {
    return input().windowBounds();
  }

  @Override
  public WindowAssignment windowing() {
    return input().windowing();
  }

  @Override
  public String name() {
    return start == 1 && end == 1 && !outputRankNumber && sort.size() == 1 ? "WindowDeduplicate" : "WindowRank";
  }

  @Override
  public String attributes() {
    StringBuilder order = new StringBuilder();
    int[] fields = sort.fields();
    for (int i = 0; i < fields.length; i++) {
      order.append(i == 0 ? "" : ", ").append(input().field(fields[i])).append(sort.ascending(i) ? " ASC" : " DESC");
    }
    return "rankType=[ROW_NUMBER], rankRange=[rankStart=" + start + ", rankEnd=" + end + "], partitionBy=["
        + input().fields(partition) + "], orderBy=[" + order + "], select=[" + String.join(", ", rowType().fieldNames())
        + "]";
  }

  @Override
  public DataStream<Row> translate(TranslationContext context) {
    return context.streamOf(input()).keyBy(new RowKeySelector(partition))
        .process(new WindowRankFunction(sort, start, end, outputRankNumber, input().windowBounds()[1], deduplicateLast))
        .name(name());
  }
}
