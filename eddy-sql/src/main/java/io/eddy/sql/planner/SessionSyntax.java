package io.eddy.sql.planner;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Rewrites of session window syntax that Calcite does not plan as Flink does, applied to a parsed
 * statement in place before validation:
 * <ul>
 *   <li>{@code SESSION_END(ts, gap)} becomes {@code $SESSION_END(SESSION_START(ts, gap))}: Calcite
 *       converts both auxiliaries to the group's window column, the marker tells the planner to
 *       read the window's end ({@link EddyOperatorTable#SESSION_END}).</li>
 *   <li>{@code SESSION(TABLE t PARTITION BY k, ...)} loses its PARTITION BY: Calcite plans a
 *       partitioned table argument as a correlation; the window aggregation computes sessions
 *       per group key, which Flink requires to contain the partition keys.</li>
 * </ul>
 */
final class SessionSyntax {
  private SessionSyntax() {}

  static void rewrite(SqlNode node) {
    if (node instanceof SqlNodeList list) {
      for (int i = 0; i < list.size(); i++) {
        SqlNode replaced = replacement(list.get(i), false);
        if (replaced != null) {
          list.set(i, replaced);
        }
        rewrite(list.get(i));
      }
    } else if (node instanceof SqlCall call) {
      boolean sessionTable = call.getOperator().getName().equalsIgnoreCase("SESSION");
      List<SqlNode> operands = call.getOperandList();
      for (int i = 0; i < operands.size(); i++) {
        SqlNode replaced = replacement(operands.get(i), sessionTable && i == 0);
        if (replaced != null) {
          call.setOperand(i, replaced);
        }
        rewrite(call.getOperandList().get(i));
      }
    }
  }

  private static SqlNode replacement(SqlNode node, boolean sessionTableArgument) {
    if (!(node instanceof SqlCall call)) {
      return null;
    }
    if (call.getOperator().getName().equalsIgnoreCase("SESSION_END")) {
      SqlParserPos pos = call.getParserPosition();
      return EddyOperatorTable.SESSION_END.createCall(pos,
          SqlStdOperatorTable.SESSION_START.createCall(pos, call.getOperandList()));
    }
    if (sessionTableArgument && call.getKind() == SqlKind.SET_SEMANTICS_TABLE) {
      return call.operand(0);
    }
    return null;
  }
}
