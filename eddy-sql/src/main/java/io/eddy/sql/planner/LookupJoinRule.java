package io.eddy.sql.planner;

import io.eddy.sql.catalog.CatalogTable;
import io.eddy.sql.codegen.RexCompiler;
import io.eddy.sql.connector.LookupTableSource;
import io.eddy.sql.connector.TableFactories;
import io.eddy.sql.plan.LookupJoinNode;
import io.eddy.sql.plan.PhysicalNode;
import io.eddy.table.runtime.RowExpression;
import io.eddy.table.runtime.operators.join.JoinType;
import io.eddy.table.runtime.operators.join.lookup.LookupJoinFunction;
import io.eddy.table.types.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * A processing-time temporal join of a table whose connector can be looked up becomes a
 * {@link LookupJoinNode}, as Flink's lookup join rules plan it (CommonPhysicalLookupJoin): the
 * lookup keys are the conjuncts {@code table.column = <expression of the probe row>} and
 * {@code table.column = <literal>} of the join condition (the first per column); every other
 * conjunct is checked on the joined row. A probe-side key must have the column's type (string
 * types with string types, binary with binary, otherwise the same type whatever its
 * nullability), else Flink's error names both, as it does for a column Calcite cast to the probe
 * key's type to compare them; a condition without lookup keys is refused with Flink's message.
 */
final class LookupJoinRule {
  private LookupJoinRule() {}

  /** The lookup source of {@code versioned} if it is a table scan whose connector can be looked up, else null. */
  static LookupTableSource lookupSource(RelNode versioned) {
    CatalogTable table = table(versioned);
    return table == null ? null : TableFactories.forTable(table).createLookupSource(table);
  }

  private static CatalogTable table(RelNode versioned) {
    if (versioned instanceof TableScan scan && scan.getTable().unwrap(CatalogTableAdapter.class) != null) {
      return scan.getTable().unwrap(CatalogTableAdapter.class).table();
    }
    return null;
  }

  /**
   * The lookup join of {@code probe} with the table scanned by {@code versioned}: rows of the probe
   * followed by the table's columns. {@code condition} is over that joined row.
   */
  static PhysicalNode plan(PhysicalNode probe, RelNode versioned, LookupTableSource source, JoinType type,
      RexNode condition, RexBuilder b) {
    CatalogTable table = table(versioned);
    String tableName = "default_catalog.default_database." + table.name();
    if (table.hasComputedColumns()) {
      throw new UnsupportedOperationException("Lookup join of table " + table.name() + " with computed columns is"
          + " not supported yet");
    }
    int probeCount = probe.rowType().fieldCount();
    LogicalType tableType = table.physicalRowType();
    List<String> probeNames = probe.rowType().fieldNames();
    List<String> joinedNames = new ArrayList<>(probeNames);
    joinedNames.addAll(tableType.fieldNames());
    Map<Integer, RexNode> keys = new TreeMap<>();
    List<RexNode> remaining = new ArrayList<>();
    List<String> incompatible = new ArrayList<>();
    for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
      int[] column = {-1};
      RexNode key = lookupKey(conjunct, probeCount, column);
      RexNode castKey = key == null ? castColumnKey(conjunct, probeCount, column) : null;
      if (castKey != null) { // the column cast to the probe key's type: keys of different types
        incompatible.add(PhysicalPlanner.describe(castKey, probeNames) + "[" + TypeConversion.toLogicalType(
            castKey.getType()) + "]=" + tableType.fieldNames().get(column[0]) + "[" + tableType.field(column[0]) + "]");
        continue;
      }
      if (key == null || keys.containsKey(column[0])) {
        remaining.add(conjunct);
        continue;
      }
      LogicalType columnType = tableType.field(column[0]);
      LogicalType keyType = TypeConversion.toLogicalType(key.getType());
      if (!(key instanceof RexLiteral) && !interoperable(keyType, columnType)) {
        incompatible.add(PhysicalPlanner.describe(key, probeNames) + "[" + keyType + "]="
            + tableType.fieldNames().get(column[0]) + "[" + columnType + "]");
      }
      keys.put(column[0], key);
    }
    if (!incompatible.isEmpty()) {
      throw new IllegalArgumentException("Temporal table join requires equivalent condition of the same type, but"
          + " the condition is " + String.join(",", incompatible));
    }
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("Temporal table join requires an equality condition on fields of table ["
          + tableName + "].");
    }
    RexCompiler compiler = new RexCompiler(b);
    int[] keyColumns = keys.keySet().stream().mapToInt(Integer::intValue).toArray();
    RowExpression[] keyValues = new RowExpression[keyColumns.length];
    List<String> shown = new ArrayList<>();
    for (int i = 0; i < keyColumns.length; i++) {
      RexNode key = keys.get(keyColumns[i]);
      keyValues[i] = compiler.compile(key);
      shown.add(tableType.fieldNames().get(keyColumns[i]) + "=" + PhysicalPlanner.describe(key, probeNames));
    }
    RexNode residual = RexUtil.composeConjunction(b, remaining);
    boolean hasResidual = !residual.isAlwaysTrue();
    LogicalType rowType = joined(probe.rowType(), tableType);
    LookupJoinFunction function = new LookupJoinFunction(source.lookupFunction(keyColumns), keyValues,
        hasResidual ? compiler.compile(residual) : null, type.isLeftOuter(), probeCount, tableType.fieldCount());
    String description = "table=[" + tableName + "], joinType=[" + type.flinkName() + "], lookup=["
        + String.join(", ", shown) + "]" + (hasResidual ? ", joinCondition=[" + PhysicalPlanner.describe(residual,
        joinedNames) + "]" : "") + ", select=[" + String.join(", ", rowType.fieldNames()) + "]";
    return new LookupJoinNode(probe, rowType, function, description);
  }

  /**
   * The probe-side expression or literal that {@code conjunct} equates a table column with,
   * setting {@code column[0]} to that column; null if the conjunct is no such equality.
   */
  private static RexNode lookupKey(RexNode conjunct, int probeCount, int[] column) {
    if (conjunct.getKind() != SqlKind.EQUALS) {
      return null;
    }
    List<RexNode> operands = ((RexCall) conjunct).getOperands();
    for (int side = 0; side < 2; side++) {
      RexNode tableSide = operands.get(side);
      RexNode other = operands.get(1 - side);
      if (tableSide instanceof RexInputRef ref && ref.getIndex() >= probeCount && isProbeValue(other, probeCount)) {
        column[0] = ref.getIndex() - probeCount;
        return other;
      }
    }
    return null;
  }

  /**
   * The probe-side expression of {@code CAST(table.column) = <probe expression>} (how Calcite
   * compares keys of different types), setting {@code column[0]}; null for any other conjunct.
   */
  private static RexNode castColumnKey(RexNode conjunct, int probeCount, int[] column) {
    if (conjunct.getKind() != SqlKind.EQUALS) {
      return null;
    }
    List<RexNode> operands = ((RexCall) conjunct).getOperands();
    for (int side = 0; side < 2; side++) {
      if (operands.get(side) instanceof RexCall cast && cast.getKind() == SqlKind.CAST
          && cast.getOperands().get(0) instanceof RexInputRef ref && ref.getIndex() >= probeCount
          && !(operands.get(1 - side) instanceof RexLiteral) && isProbeValue(operands.get(1 - side), probeCount)) {
        column[0] = ref.getIndex() - probeCount;
        return operands.get(1 - side);
      }
    }
    return null;
  }

  /** A literal, or a deterministic expression of probe fields alone. */
  private static boolean isProbeValue(RexNode node, int probeCount) {
    if (node instanceof RexLiteral) {
      return true;
    }
    var fields = RelOptUtil.InputFinder.bits(node);
    return !fields.isEmpty() && fields.length() <= probeCount && RexUtil.isDeterministic(node);
  }

  /** Flink's PlannerTypeUtils.isInteroperable: strings, or binaries, with each other, else equal but for nullability. */
  private static boolean interoperable(LogicalType a, LogicalType b) {
    if (a.isString() && b.isString() || isBinary(a) && isBinary(b)) {
      return true;
    }
    return a.copy(true).equals(b.copy(true));
  }

  private static boolean isBinary(LogicalType t) {
    return t.root() == LogicalType.Root.BINARY || t.root() == LogicalType.Root.VARBINARY;
  }

  private static LogicalType joined(LogicalType probe, LogicalType table) {
    List<String> names = new ArrayList<>(probe.fieldNames());
    List<LogicalType> types = new ArrayList<>(probe.children());
    for (int i = 0; i < table.fieldCount(); i++) {
      String name = table.fieldNames().get(i);
      for (int n = 0; names.contains(name); n++) {
        name = table.fieldNames().get(i) + n;
      }
      names.add(name);
      types.add(table.field(i));
    }
    return LogicalType.row(names, types);
  }
}
