package io.eddy.sql.planner;

import io.eddy.sql.catalog.CatalogTable;
import io.eddy.sql.connector.SupportsProjectionPushDown;
import io.eddy.sql.connector.TableSource;
import io.eddy.sql.plan.PhysicalNode;
import io.eddy.sql.plan.SourceScanNode;
import io.eddy.sql.plan.WatermarkAssignerNode;
import io.eddy.table.runtime.RowExpression;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlKind;

/**
 * Pushes the columns and nested fields a Calc reads from a table scan into the scan's source
 * (Flink's PushProjectIntoTableSourceScanRule with nested fields), when the source supports it
 * ({@link SupportsProjectionPushDown}): a query reading {@code bid.auction} and {@code bid.price}
 * of the nexmark table gets flat rows of those fields instead of a nested row of every bid field
 * per event. A scan is the source, its computed columns (a Calc) and its watermark assigner; the
 * computed columns the Calc reads are computed over the flat fields they read, and the rowtime
 * column is always kept, so the watermarks are those of the whole scan. Only a watermark of
 * bounded delay ({@code rowtime - INTERVAL ...}), which reads the rowtime alone, is moved to the
 * new scan; scans with another watermark expression are left whole. Each Calc over a scan gets a
 * scan of its own, of the fields it reads (as Flink's scans of one table in a query are separate
 * sources); a Calc merged into such a Calc (a query over a view) pushes again what the two read
 * together. One instance per plan.
 */
final class ProjectionPushDown {
  /**
   * A scan as {@link PhysicalPlanner} built it: {@code computed} the computed columns' expressions
   * over the physical row (null if the table has none), the watermark's rowtime column, delay and
   * text (rowtime -1 if none).
   */
  record Scan(CatalogTable table, TableSource source, List<RexNode> computed, int rowtime, Long delayMillis,
      RowExpression watermark, String watermarkText) {}

  /** A Calc's conditions and projections over a new input. */
  record Pushed(PhysicalNode input, List<RexNode> conditions, List<RexNode> projections) {}

  /** Builds a Calc node (the planner's, with its expression compilation and merging). */
  interface CalcBuilder {
    PhysicalNode calc(PhysicalNode input, List<RexNode> projections, RelDataType rowType);
  }

  /**
   * A scan this pushed a projection into: the original scan, the names of its row, and what each
   * field of the new scan's top is over that row (a column, or a nested field of one).
   */
  private record Pushdown(Scan scan, List<String> names, List<RexNode> reads) {}

  private final Map<PhysicalNode, Scan> scans = new IdentityHashMap<>();
  private final Map<PhysicalNode, Pushdown> pushdowns = new IdentityHashMap<>();

  /** Records that {@code node} is the top of {@code scan}. */
  void built(PhysicalNode node, Scan scan) {
    scans.put(node, scan);
  }

  /**
   * The Calc of {@code conditions} and {@code projections} over {@code input} as expressions over a
   * new scan of the fields they read, or null if {@code input} is not a scan whose source takes a
   * projection.
   */
  Pushed push(PhysicalNode input, List<RexNode> conditions, List<RexNode> projections, RexBuilder b,
      CalcBuilder builder) {
    Scan scan = scans.get(input);
    List<String> names = input.rowType().fieldNames();
    Pushdown earlier = pushdowns.get(input);
    if (earlier != null) {
      // a Calc merged into one that pushed its projection: push again what the merged Calc reads
      RexShuttle back = new RexShuttle() {
        @Override
        public RexNode visitInputRef(RexInputRef ref) {
          return earlier.reads().get(ref.getIndex());
        }
      };
      conditions = conditions.stream().map(c -> c.accept(back)).toList();
      projections = projections.stream().map(p -> p.accept(back)).toList();
      scan = earlier.scan();
      names = earlier.names();
    }
    if (scan == null || !(scan.source() instanceof SupportsProjectionPushDown projectable)
        || (scan.rowtime() >= 0 && scan.delayMillis() == null)) {
      return null;
    }
    RelDataTypeFactory types = b.getTypeFactory();
    RelDataType physical = TypeConversion.toRelDataType(types, scan.table().physicalRowType());
    List<RexNode> lower = scan.computed() != null ? scan.computed() : identity(b, physical);
    // what the Calc reads of the scan's row: columns whole, nested fields of forwarded columns
    Items items = new Items(lower, names);
    if (scan.rowtime() >= 0) {
      items.whole(scan.rowtime());
    }
    RexShuttle toItems = items.shuttle(b);
    List<RexNode> newConditions = new ArrayList<>();
    for (RexNode c : conditions) {
      newConditions.add(c.accept(toItems));
    }
    List<RexNode> newProjections = new ArrayList<>();
    for (RexNode p : projections) {
      newProjections.add(p.accept(toItems));
    }
    // the items over the source's flat row of the physical paths they read, in order of first read
    Map<List<Integer>, RelDataType> paths = new LinkedHashMap<>();
    List<RexNode> flatItems = new ArrayList<>();
    for (RexNode item : items.expressions) {
      flatItems.add(item.accept(new RexShuttle() {
        @Override
        public RexNode visitFieldAccess(RexFieldAccess access) {
          if (access.getReferenceExpr() instanceof RexInputRef ref) {
            return pathRef(paths, List.of(ref.getIndex(), access.getField().getIndex()), access.getType());
          }
          return super.visitFieldAccess(access);
        }

        @Override
        public RexNode visitInputRef(RexInputRef ref) {
          return pathRef(paths, List.of(ref.getIndex()), ref.getType());
        }
      }));
    }
    if (paths.isEmpty()) {
      return null; // reads no field (a constant projection): the whole rows, as before
    }
    int[][] pathArray = new int[paths.size()][];
    RelDataTypeFactory.Builder flatType = types.builder();
    int i = 0;
    for (Map.Entry<List<Integer>, RelDataType> path : paths.entrySet()) {
      pathArray[i++] = path.getKey().stream().mapToInt(Integer::intValue).toArray();
      flatType.add(name(physical, path.getKey()), path.getValue());
    }
    TableSource projected = projectable.applyProjection(pathArray);
    if (projected == null) {
      return null;
    }
    PhysicalNode node = new SourceScanNode(scan.table(), projected, TypeConversion.toLogicalType(flatType.build()));
    RelDataTypeFactory.Builder itemType = types.builder();
    for (int k = 0; k < flatItems.size(); k++) {
      itemType.add(items.names.get(k), flatItems.get(k).getType());
    }
    node = builder.calc(node, flatItems, itemType.build());
    if (scan.rowtime() >= 0) {
      node = new WatermarkAssignerNode(node, items.whole(scan.rowtime()).getIndex(), scan.watermark(),
          scan.delayMillis(), scan.watermarkText());
    }
    pushdowns.put(node, new Pushdown(scan, names, items.reads));
    return new Pushed(node, newConditions, newProjections);
  }

  /** A reference to the flat field of {@code path}, added to {@code paths} on its first read. */
  private static RexNode pathRef(Map<List<Integer>, RelDataType> paths, List<Integer> path, RelDataType type) {
    int index = 0;
    for (List<Integer> p : paths.keySet()) {
      if (p.equals(path)) {
        return new RexInputRef(index, type);
      }
      index++;
    }
    paths.put(path, type);
    return new RexInputRef(index, type);
  }

  /** A flat field's name: the column's, or the column's and the nested field's joined by a dot. */
  private static String name(RelDataType physical, List<Integer> path) {
    var column = physical.getFieldList().get(path.get(0));
    return path.size() == 1 ? column.getName()
        : column.getName() + "." + column.getType().getFieldList().get(path.get(1)).getName();
  }

  private static List<RexNode> identity(RexBuilder b, RelDataType row) {
    List<RexNode> refs = new ArrayList<>();
    for (int i = 0; i < row.getFieldCount(); i++) {
      refs.add(b.makeInputRef(row.getFieldList().get(i).getType(), i));
    }
    return refs;
  }

  /**
   * The values the new scan's Calc computes for the upper Calc, over the physical row: a column of
   * the scan read whole, or a nested field of a column the scan forwards or builds with ROW(...).
   * Each is computed once.
   */
  private static final class Items {
    private final List<RexNode> lower;
    private final List<String> lowerNames;
    private final List<RexNode> expressions = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    /** What each item is over the scan's row: a column or a nested field of one. */
    private final List<RexNode> reads = new ArrayList<>();
    private final Map<Object, RexInputRef> refs = new LinkedHashMap<>();

    Items(List<RexNode> lower, List<String> lowerNames) {
      this.lower = lower;
      this.lowerNames = lowerNames;
    }

    /** The item of the scan's column {@code k} read whole. */
    RexInputRef whole(int k) {
      return item(k, lower.get(k), lowerNames.get(k), new RexInputRef(k, lower.get(k).getType()));
    }

    private RexInputRef item(Object key, RexNode expression, String name, RexNode read) {
      RexInputRef ref = refs.get(key);
      if (ref == null) {
        ref = new RexInputRef(expressions.size(), expression.getType());
        refs.put(key, ref);
        expressions.add(expression);
        names.add(name);
        reads.add(read);
      }
      return ref;
    }

    /** Rewrites an upper expression over the scan's columns into one over the items. */
    RexShuttle shuttle(RexBuilder b) {
      return new RexShuttle() {
        @Override
        public RexNode visitFieldAccess(RexFieldAccess access) {
          if (access.getReferenceExpr() instanceof RexInputRef ref) {
            int field = access.getField().getIndex();
            RexNode column = lower.get(ref.getIndex());
            // the field of a forwarded column, or the operand of a ROW(...) that builds the column
            // (a table's computed columns rebuild each ROW column so)
            RexNode nested = column instanceof RexInputRef ? b.makeFieldAccess(column, field)
                : column.getKind() == SqlKind.ROW ? ((RexCall) column).getOperands().get(field) : null;
            if (nested != null) {
              RexInputRef item = item(List.of(ref.getIndex(), field), nested,
                  lowerNames.get(ref.getIndex()) + "." + access.getField().getName(), access);
              return new RexInputRef(item.getIndex(), access.getType());
            }
          }
          return super.visitFieldAccess(access);
        }

        @Override
        public RexNode visitInputRef(RexInputRef ref) {
          return new RexInputRef(whole(ref.getIndex()).getIndex(), ref.getType());
        }
      };
    }
  }
}
