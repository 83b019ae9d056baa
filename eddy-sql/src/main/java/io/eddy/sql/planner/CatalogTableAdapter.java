package io.eddy.sql.planner;

import io.eddy.sql.catalog.CatalogTable;
import io.eddy.table.types.LogicalType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A catalog table as Calcite sees it: a fixed row type, all columns or (while the table's own
 * computed columns are derived) the physical ones only. The physical planner unwraps the
 * {@link CatalogTable} from a scan of it.
 */
public final class CatalogTableAdapter extends AbstractTable {
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
}
