package io.eddy.sql.planner;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * Gives every ORDER BY item (of a query or of an OVER window) that does not say where NULLs go
 * Flink's place for them: first when ascending, last when descending. Calcite's default null
 * collation does not reach these order keys (they take Calcite's own default, the opposite for
 * descending keys), so the parsed statement is rewritten in place before validation.
 */
final class NullOrder {
  private NullOrder() {}

  static void rewrite(SqlNode node) {
    if (node instanceof SqlWindow window) {
      placeNulls(window.getOrderList());
    } else if (node instanceof SqlOrderBy orderBy) {
      placeNulls(orderBy.orderList);
    } else if (node instanceof SqlSelect select) {
      placeNulls(select.getOrderList());
    }
    if (node instanceof SqlNodeList list) {
      for (SqlNode element : list) {
        rewrite(element);
      }
    } else if (node instanceof SqlCall call) {
      for (SqlNode operand : call.getOperandList()) {
        if (operand != null) {
          rewrite(operand);
        }
      }
    }
  }

  private static void placeNulls(SqlNodeList order) {
    if (order == null) {
      return;
    }
    for (int i = 0; i < order.size(); i++) {
      SqlNode item = order.get(i);
      if (item.getKind() != SqlKind.NULLS_FIRST && item.getKind() != SqlKind.NULLS_LAST) {
        order.set(i, (item.getKind() == SqlKind.DESCENDING ? SqlStdOperatorTable.NULLS_LAST
            : SqlStdOperatorTable.NULLS_FIRST).createCall(item.getParserPosition(), item));
      }
    }
  }
}
