package io.eddy.sql.planner;

import io.eddy.sql.catalog.CatalogTable;
import io.eddy.table.types.LogicalType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TemporalTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A catalog table as Calcite sees it: a fixed row type, all columns or (while the table's own
 * computed columns are derived) the physical ones only. The physical planner unwraps the
 * {@link CatalogTable} from a scan of it. Every table may be named in {@code FOR SYSTEM_TIME AS OF}
 * as far as Calcite's validator is concerned; {@code TemporalJoinRule} decides, as Flink's planner,
 * whether it is a versioned table.
 */
public final class CatalogTableAdapter extends AbstractTable implements TemporalTable {
  private final CatalogTable table;
  private final LogicalType rowType;

  public CatalogTableAdapter(CatalogTable table, LogicalType rowType) {
    this.table = table;
    this.rowType = rowType;
  }

  public CatalogTable table() {
    return table;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return TypeConversion.toTableRowType(typeFactory, rowType);
  }

  /** Calcite's system-time period columns, which Flink's versioned tables do not have: the rowtime or none. */
  @Override
  public String getSysStartFieldName() {
    return table.rowtimeColumn() == null ? "" : table.rowtimeColumn();
  }

  @Override
  public String getSysEndFieldName() {
    return "";
  }
}
