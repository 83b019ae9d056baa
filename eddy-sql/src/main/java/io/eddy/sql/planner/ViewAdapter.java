package io.eddy.sql.planner;

import io.eddy.sql.catalog.CatalogView;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TemporalTable;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A view as Calcite sees it: its row type, expanded into its query's plan where it is used. It may
 * be named in {@code FOR SYSTEM_TIME AS OF} (a deduplicating view is a versioned table in Flink);
 * {@code TemporalJoinRule} decides whether it is one.
 */
final class ViewAdapter extends AbstractTable implements TranslatableTable, TemporalTable {
  private final CatalogView view;

  ViewAdapter(CatalogView view) {
    this.view = view;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return TypeConversion.toTableRowType(typeFactory, view.rowType());
  }

  @Override
  public String getSysStartFieldName() {
    return "";
  }

  @Override
  public String getSysEndFieldName() {
    return "";
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return context.expandView(relOptTable.getRowType(), view.query(), List.of(), List.of(view.name())).rel;
  }
}
