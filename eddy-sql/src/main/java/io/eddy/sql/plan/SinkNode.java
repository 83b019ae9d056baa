package io.eddy.sql.plan;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import io.eddy.sql.catalog.CatalogTable;
import io.eddy.sql.connector.TableSink;
import io.eddy.table.runtime.ChangelogMode;
import io.eddy.table.runtime.operators.RowKeySelector;
import io.eddy.table.runtime.operators.sink.SinkUpsertMaterializer;
import io.eddy.table.runtime.operators.sink.UpdateBeforeAsDelete;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * INSERT INTO a connector table, planned as Flink plans a sink:
 * <ul>
 *   <li>an updating query cannot be written to a sink that accepts less (an append-only sink):
 *       Flink's planning error, naming the node that produces the changes;</li>
 *   <li>a sink that takes updates without -U rows (an upsert sink) gets none when one of the
 *       query's upsert keys is its primary key (or it has none) and the plan can leave them out:
 *       {@link #requiredUpdateKinds()}; when it cannot (a filter on a non-key field, a key that
 *       differs from the primary key, an operator that always retracts), the -U rows that reach
 *       the sink are the deletes of their rows ({@link UpdateBeforeAsDelete}), as Flink's upsert
 *       connectors apply them;</li>
 *   <li>when no upsert key of the query is part of the primary key, Flink 2.3 refuses the INSERT
 *       unless it says {@code ON CONFLICT DO DEDUPLICATE}, which puts a
 *       {@link SinkUpsertMaterializer} keyed by the primary key in front of the sink
 *       ({@code table.exec.sink.upsert-materialize}: {@link UpsertMaterialize}).</li>
 * </ul>
 */
public final class SinkNode extends ForwardingNode {
  private final String table;
  private final List<String> columns;
  private final TableSink sink;
  private final int[] primaryKey;
  private final boolean deduplicateConflicts;
  private final boolean materialize;

  /** {@code deduplicateConflicts}: the INSERT ends with ON CONFLICT DO DEDUPLICATE. */
  public SinkNode(PhysicalNode input, CatalogTable table, TableSink sink, UpsertMaterialize mode,
      boolean deduplicateConflicts) {
    super(List.of(input), input.rowType());
    this.table = table.name();
    this.columns = table.rowType().fieldNames();
    this.sink = sink;
    this.primaryKey = table.primaryKey().stream().mapToInt(table::columnIndex).toArray();
    this.deduplicateConflicts = deduplicateConflicts;
    ChangelogMode query = input.changelogMode();
    ChangelogMode accepted = sink.acceptedChanges();
    String refused = refusedChanges(query, accepted);
    if (!refused.isEmpty()) {
      PhysicalNode producer = producerOf(input);
      throw new IllegalArgumentException("Table sink '" + identifier() + "' doesn't support consuming " + refused
          + " changes which is produced by node " + producer.name() + "(" + producer.attributes() + ")");
    }
    boolean upsertSink = !query.isInsertOnly() && !accepted.isInsertOnly();
    if (deduplicateConflicts && !upsertSink) {
      throw new IllegalArgumentException("ON CONFLICT clause is only allowed for upsert sinks. The sink '" + identifier()
          + "' is not an upsert sink because it only accepts INSERT (append-only) changes.");
    }
    this.materialize = switch (mode) {
      case NONE -> false;
      case FORCE -> this.primaryKey.length > 0;
      case AUTO -> {
        boolean keysDiffer = upsertSink && this.primaryKey.length > 0 && !input.upsertKeys().anyWithin(this.primaryKey);
        if (keysDiffer && !deduplicateConflicts) {
          throw new IllegalArgumentException("The query has an upsert key that differs from the primary key of the sink table '"
              + identifier() + "'. Primary key: " + columns(primaryKey) + ", upsert key: "
              + input.upsertKeys().describe(columns::get)
              + ". This can lead to non-deterministic results when multiple records with different upsert keys map to "
              + "the same primary key. Please specify an ON CONFLICT clause to define how conflicts should be handled: "
              + "ON CONFLICT DO DEDUPLICATE (update to the latest record, state intensive, since we need to keep the "
              + "entire history), or ON CONFLICT DO ERROR (fail on conflict), or ON CONFLICT DO NOTHING (keep first record).");
        }
        yield keysDiffer;
      }
    };
  }

  /** Sink columns as Flink lists them in messages: {@code [a, b]}. */
  private String columns(int[] fields) {
    return Arrays.stream(fields).mapToObj(columns::get).collect(java.util.stream.Collectors.joining(", ", "[", "]"));
  }

  /** The kinds of change (Flink's words: "update", "delete") the query produces and the sink does not take. */
  private static String refusedChanges(ChangelogMode query, ChangelogMode accepted) {
    List<String> refused = new ArrayList<>();
    if (query.contains(RowKind.UPDATE_AFTER) && !accepted.contains(RowKind.UPDATE_AFTER)) {
      refused.add("update");
    }
    if (query.contains(RowKind.DELETE) && !accepted.contains(RowKind.DELETE)) {
      refused.add("delete");
    }
    return String.join(" and ", refused);
  }

  /** The first node under the sink's forwarding nodes that produces changes, as Flink names it in the error. */
  private static PhysicalNode producerOf(PhysicalNode node) {
    if (node.forwardsUpdates()) {
      for (PhysicalNode input : node.inputs()) {
        if (!input.changelogMode().isInsertOnly()) {
          return producerOf(input);
        }
      }
    }
    return node;
  }

  /**
   * What the sink asks of its input, in order of preference: no -U rows for an upsert sink whose
   * primary key is one of the query's upsert keys (or that has none), else -U/+U pairs (Flink's
   * rule, without its immutable columns).
   */
  public List<UpdateKind> requiredUpdateKinds() {
    ChangelogMode accepted = sink.acceptedChanges();
    if (accepted.contains(RowKind.UPDATE_BEFORE) || !accepted.contains(RowKind.UPDATE_AFTER)) {
      return List.of(UpdateKind.BEFORE_AND_AFTER);
    }
    if (primaryKey.length > 0 && !input().upsertKeys().anyEqualTo(primaryKey)) {
      return List.of(UpdateKind.BEFORE_AND_AFTER);
    }
    return List.of(UpdateKind.ONLY_UPDATE_AFTER, UpdateKind.BEFORE_AND_AFTER);
  }

  private String identifier() {
    return "default_catalog.default_database." + table;
  }

  @Override
  public UpsertKeys upsertKeys() {
    return input().upsertKeys();
  }

  @Override
  public String name() {
    return "Sink";
  }

  @Override
  public String attributes() {
    return "table=[" + identifier() + "], fields=[" + String.join(", ", rowType().fieldNames()) + "]"
        + (materialize ? ", upsertMaterialize=[true]" : "") + (deduplicateConflicts ? ", conflictStrategy=[DEDUPLICATE]" : "");
  }

  @Override
  public DataStream<Row> translate(TranslationContext context) {
    DataStream<Row> rows = context.streamOf(input());
    if (materialize) {
      rows = rows.keyBy(new RowKeySelector(primaryKey))
          .process(new SinkUpsertMaterializer(input().upsertKeys().smallest(), context.stateTtl())).name("SinkMaterializer");
    } else if (context.updateBefore(input()) && !sink.acceptedChanges().contains(RowKind.UPDATE_BEFORE)) {
      rows = rows.map(new UpdateBeforeAsDelete()).name("UpdateBeforeAsDelete").setParallelism(rows.getParallelism());
    }
    sink.consume(rows, "Sink: " + table);
    return rows;
  }
}
