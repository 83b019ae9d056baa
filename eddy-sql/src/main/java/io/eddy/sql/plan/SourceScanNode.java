package io.eddy.sql.plan;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.types.Row;
import io.eddy.sql.catalog.CatalogTable;
import io.eddy.sql.connector.TableSource;
import io.eddy.table.runtime.ChangelogMode;
import io.eddy.table.types.LogicalType;

/**
 * Reads a table's physical columns from its connector (Flink's TableSourceScan), or the columns
 * and nested fields a projection pushed into the source selected.
 */
public final class SourceScanNode extends PhysicalNode {
  private final CatalogTable table;
  private final TableSource source;

  public SourceScanNode(CatalogTable table, TableSource source) {
    this(table, source, table.physicalRowType());
  }

  /** A scan whose source produces rows of {@code rowType} (a projection of the table's physical row). */
  public SourceScanNode(CatalogTable table, TableSource source, LogicalType rowType) {
    super(java.util.List.of(), rowType);
    this.table = table;
    this.source = source;
  }

  public CatalogTable table() {
    return table;
  }

  public TableSource source() {
    return source;
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
