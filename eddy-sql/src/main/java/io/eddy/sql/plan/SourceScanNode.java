package io.eddy.sql.plan;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.types.Row;
import io.eddy.sql.catalog.CatalogTable;
import io.eddy.sql.connector.TableSource;
import io.eddy.table.runtime.ChangelogMode;

/** Reads a table's physical columns from its connector (Flink's TableSourceScan). */
public final class SourceScanNode extends PhysicalNode {
  private final CatalogTable table;
  private final TableSource source;

  public SourceScanNode(CatalogTable table, TableSource source) {
    super(java.util.List.of(), table.physicalRowType());
    this.table = table;
    this.source = source;
  }

  @Override
  public ChangelogMode changelogMode() {
    return source.changelogMode();
  }

  @Override
  public UpsertKeys upsertKeys() {
    return UpsertKeys.NONE;
  }

  @Override
  public String name() {
    return "TableSourceScan";
  }

  @Override
  public String attributes() {
    return "table=[" + table.name() + "], connector=[" + table.options().get("connector") + "], fields=["
        + String.join(", ", rowType().fieldNames()) + "]";
  }

  @Override
  public DataStream<Row> translate(TranslationContext context) {
    return source.produce(context.env(), "Source: " + table.name());
  }
}
