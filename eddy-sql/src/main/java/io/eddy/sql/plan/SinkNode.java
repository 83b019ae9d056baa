package io.eddy.sql.plan;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.types.Row;
import io.eddy.sql.connector.TableSink;
import io.eddy.table.runtime.ChangelogMode;
import java.util.List;

/**
 * INSERT INTO a connector table. Built only if the sink accepts the changes its input produces:
 * an updating query cannot be written to an append-only sink (a planning error naming the node
 * that produces the updates).
 */
public final class SinkNode extends PhysicalNode {
  private final String table;
  private final TableSink sink;

  public SinkNode(PhysicalNode input, String table, TableSink sink) {
    super(List.of(input), input.rowType());
    ChangelogMode accepted = sink.acceptedChanges();
    for (var kind : input.changelogMode().kinds()) {
      if (!accepted.contains(kind)) {
        throw new IllegalArgumentException("Table sink '" + table + "' doesn't support consuming update and delete changes "
            + "which are produced by node " + producerOfUpdates(input).name() + "(" + producerOfUpdates(input).attributes()
            + "); the query's changelog is " + input.changelogMode() + ", the sink accepts " + accepted);
      }
    }
    this.table = table;
    this.sink = sink;
  }

  private static PhysicalNode producerOfUpdates(PhysicalNode node) {
    for (PhysicalNode input : node.inputs()) {
      if (!input.changelogMode().isInsertOnly()) {
        return producerOfUpdates(input);
      }
    }
    return node;
  }

  @Override
  public ChangelogMode changelogMode() {
    return input().changelogMode();
  }

  @Override
  public int[] upsertKey() {
    return input().upsertKey();
  }

  @Override
  public String name() {
    return "Sink";
  }

  @Override
  public String attributes() {
    return "table=[" + table + "], fields=[" + String.join(", ", rowType().fieldNames()) + "]";
  }

  @Override
  public DataStream<Row> translate(TranslationContext context) {
    DataStream<Row> rows = context.streamOf(input());
    sink.consume(rows, "Sink: " + table);
    return rows;
  }
}
