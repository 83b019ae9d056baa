package io.eddy.sql.plan;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.types.Row;
import io.eddy.table.runtime.ChangelogMode;
import io.eddy.table.types.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * Constant rows (Flink's Values): a {@code VALUES} list, or a relation the planner proved empty.
 * Insert-only and bounded, read by one subtask.
 */
public final class ValuesNode extends PhysicalNode {
  private final List<Row> rows;

  public ValuesNode(List<Row> rows, LogicalType rowType) {
    super(List.of(), rowType);
    this.rows = List.copyOf(rows);
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
  public String name() {
    return "Values";
  }

  @Override
  public String attributes() {
    List<String> tuples = new ArrayList<>();
    for (Row row : rows) {
      tuples.add(row.toString());
    }
    return "tuples=[" + String.join(", ", tuples) + "], values=[" + String.join(", ", rowType().fieldNames()) + "]";
  }

  @Override
  public DataStream<Row> translate(TranslationContext context) {
    return context.env().fromCollection(new ArrayList<>(rows));
  }
}
