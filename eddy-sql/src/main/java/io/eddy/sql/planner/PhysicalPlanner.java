package io.eddy.sql.planner;

import io.eddy.api.types.Row;
import io.eddy.sql.catalog.CatalogTable;
import io.eddy.sql.codegen.RexCompiler;
import io.eddy.sql.connector.TableFactories;
import io.eddy.sql.connector.TableSource;
import io.eddy.sql.parser.Position;
import io.eddy.sql.plan.CalcNode;
import io.eddy.sql.plan.GroupAggregateNode;
import io.eddy.sql.plan.JoinNode;
import io.eddy.sql.plan.PhysicalNode;
import io.eddy.sql.plan.SessionWindowAggregateNode;
import io.eddy.sql.plan.SourceScanNode;
import io.eddy.sql.plan.UnionNode;
import io.eddy.sql.plan.ValuesNode;
import io.eddy.sql.plan.WatermarkAssignerNode;
import io.eddy.sql.plan.WindowAggregateNode;
import io.eddy.table.runtime.RowExpression;
import io.eddy.table.runtime.RowMemo;
import io.eddy.table.runtime.operators.aggregate.AggregateCall;
import io.eddy.table.runtime.operators.aggregate.LiteralAgg;
import io.eddy.table.runtime.operators.aggregate.RowAggregator;
import io.eddy.table.runtime.operators.join.JoinType;
import io.eddy.table.runtime.operators.window.WindowAssignment;
import io.eddy.table.types.LogicalType;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.logical.LogicalCorrelate;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.logical.LogicalTableFunctionScan;
import org.apache.calcite.rel.logical.LogicalUnion;
import org.apache.calcite.rel.logical.LogicalWindow;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.sql2rel.RelDecorrelator;

/**
 * Turns Calcite's logical plan into Eddy's physical plan: LogicalCalc becomes {@link CalcNode},
 * a table scan becomes {@link SourceScanNode} plus a Calc for computed columns and a
 * {@link WatermarkAssignerNode}, an Aggregate over a window table function becomes a
 * {@link WindowAggregateNode}, any other Aggregate a {@link GroupAggregateNode}, UNION ALL a
 * {@link UnionNode}. Each node infers its changelog mode and upsert key from its inputs as it
 * is built. A construct without a physical operator yet fails, naming it. One instance per plan.
 */
public final class PhysicalPlanner {
  private final SqlPlanner sql;
  private final Map<RelNode, PhysicalNode> done = new IdentityHashMap<>();
  private final CalcMerge calcMerge = new CalcMerge();
  private final ProjectionPushDown projectionPushDown = new ProjectionPushDown();

  public PhysicalPlanner(SqlPlanner sql) {
    this.sql = sql;
  }

  /** The physical plan of a query's root, projected to the root's fields. */
  public PhysicalNode plan(RelRoot root) {
    PhysicalNode node = plan(root.rel);
    if (root.isRefTrivial() && root.validatedRowType.getFieldNames().equals(root.rel.getRowType().getFieldNames())) {
      return node;
    }
    RexBuilder b = root.rel.getCluster().getRexBuilder();
    List<RexNode> refs = new ArrayList<>();
    for (var field : root.fields) {
      refs.add(b.makeInputRef(root.rel, field.getKey()));
    }
    return calc(node, null, refs, root.validatedRowType, b);
  }

  public PhysicalNode plan(RelNode rel) {
    PhysicalNode node = done.get(rel);
    if (node == null) {
      node = translate(rel);
      done.put(rel, node);
    }
    return node;
  }

  private PhysicalNode translate(RelNode rel) {
    return switch (rel) {
      case LogicalCalc calc when calc.getInput() instanceof LogicalWindow window && RankRule.matches(window) ->
          RankRule.plan(this, calc, window);
      case LogicalCalc calc when calc.getInput() instanceof Aggregate aggregate && GroupWindowRule.matches(aggregate) ->
          GroupWindowRule.plan(this, calc, aggregate);
      case LogicalCalc calc -> {
        PhysicalNode subQueryJoin = calc.getInput() instanceof LogicalCorrelate ? SubQueryJoinRule.plan(this, calc) : null;
        if (subQueryJoin != null) {
          yield subQueryJoin;
        }
        RexProgram program = calc.getProgram();
        RexNode condition = program.getCondition() == null ? null : program.expandLocalRef(program.getCondition());
        List<RexNode> projections = new ArrayList<>();
        for (var ref : program.getProjectList()) {
          projections.add(program.expandLocalRef(ref));
        }
        yield calc(plan(calc.getInput()), condition, projections, calc.getRowType(), calc.getCluster().getRexBuilder());
      }
      case TableScan scan -> scan(scan);
      case Aggregate aggregate -> aggregate(aggregate);
      case LogicalUnion union -> {
        if (!union.all) {
          throw new UnsupportedOperationException("UNION without ALL is not supported yet; use UNION ALL with DISTINCT");
        }
        List<PhysicalNode> inputs = new ArrayList<>();
        for (RelNode input : union.getInputs()) {
          inputs.add(plan(input));
        }
        yield new UnionNode(inputs, TypeConversion.toLogicalType(union.getRowType()));
      }
      case LogicalJoin join -> join(join);
      case LogicalValues values -> values(values);
      case LogicalSort sort -> RankRule.planSort(this, sort);
      case LogicalWindow window when !RankRule.matches(window) -> OverRule.plan(this, window);
      case org.apache.calcite.rel.logical.LogicalMatch match -> MatchRule.plan(this, match);
      case LogicalCorrelate correlate when TemporalJoinRule.matches(correlate) -> TemporalJoinRule.plan(this, correlate);
      case LogicalCorrelate correlate when CorrelateRule.matches(correlate) ->
          CorrelateRule.plan(correlate, plan(correlate.getLeft()));
      // any other correlated subquery (a scalar one, EXISTS beside other conditions, ...) becomes
      // joins with aggregates, as Flink decorrelates it
      case LogicalCorrelate correlate -> plan(decorrelated(correlate));
      case LogicalTableFunctionScan tvf when WindowTableFunctionRule.isWindow(tvf) ->
          WindowTableFunctionRule.plan(this, tvf);
      default -> throw new UnsupportedOperationException("Not supported yet: " + rel.getRelTypeName()
          + " (" + rel.explain().strip().lines().findFirst().orElse("") + ")");
    };
  }

  /** {@code correlate} as joins with aggregates, or refused when Calcite's decorrelator cannot remove it. */
  private static RelNode decorrelated(LogicalCorrelate correlate) {
    // the decorrelator reads Projects and Filters, not the Calcs the plan holds by now
    HepPlanner split = new HepPlanner(new HepProgramBuilder().addRuleInstance(CoreRules.CALC_SPLIT).build());
    split.setRoot(correlate);
    RelNode result = SqlPlanner.simplify(RelDecorrelator.decorrelateQuery(split.findBestExp(),
        RelFactories.LOGICAL_BUILDER.create(correlate.getCluster(), null)));
    if (hasSubQueryCorrelate(result)) {
      throw new UnsupportedOperationException("This correlated subquery is not supported yet: "
          + correlate.getRight().explain().strip().lines().findFirst().orElse(""));
    }
    return result;
  }

  private static boolean hasSubQueryCorrelate(RelNode rel) {
    if (rel instanceof LogicalCorrelate c && !CorrelateRule.matches(c)) {
      return true;
    }
    return rel.getInputs().stream().anyMatch(PhysicalPlanner::hasSubQueryCorrelate);
  }

  private PhysicalNode join(LogicalJoin join) {
    JoinType type = switch (join.getJoinType()) {
      case INNER -> JoinType.INNER;
      case LEFT -> JoinType.LEFT;
      case RIGHT -> JoinType.RIGHT;
      case FULL -> JoinType.FULL;
      case SEMI -> JoinType.SEMI;
      case ANTI -> JoinType.ANTI;
      default -> throw new UnsupportedOperationException(join.getJoinType() + " joins are not supported yet");
    };
    PhysicalNode left = plan(join.getLeft());
    PhysicalNode right = plan(join.getRight());
    List<String> names = new ArrayList<>(left.rowType().fieldNames());
    names.addAll(right.rowType().fieldNames());
    PhysicalNode window = WindowJoinRule.plan(join, type, left, right);
    if (window != null) {
      return window;
    }
    PhysicalNode interval = type.leftRowsOnly() ? null
        : IntervalJoinRule.plan(join, type, left, right, describe(join.getCondition(), names));
    if (interval != null) {
      return interval;
    }
    EquiJoin equi = EquiJoin.of(join, join.getCondition());
    return new JoinNode(left, right, TypeConversion.toLogicalType(join.getRowType()), type, equi.leftKeys(),
        equi.rightKeys(), equi.residual(), describe(join.getCondition(), names));
  }

  CalcNode calc(PhysicalNode input, RexNode condition, List<RexNode> projections,
      org.apache.calcite.rel.type.RelDataType rowType, RexBuilder b) {
    CalcMerge.Program merged = calcMerge.merge(input, condition, projections);
    ProjectionPushDown.Pushed pushed = projectionPushDown.push(merged.input(), merged.conditions(),
        merged.projections(), b, (in, p, type) -> calc(in, null, p, type, b));
    if (pushed != null) {
      merged = new CalcMerge.Program(pushed.input(), pushed.conditions(), pushed.projections());
    }
    input = merged.input();
    projections = merged.projections();
    List<RexNode> all = new ArrayList<>(projections);
    all.addAll(merged.conditions());
    Map<RexNode, Integer> shared = SharedCalls.of(all);
    RowMemo memo = shared.isEmpty() ? null : new RowMemo(shared.size());
    RexCompiler compiler = new RexCompiler(b, memo, shared);
    int[] forwarded = new int[projections.size()];
    int proctime = -1;
    List<String> shown = new ArrayList<>();
    List<String> inputNames = input.rowType().fieldNames();
    for (int i = 0; i < projections.size(); i++) {
      RexNode p = projections.get(i);
      forwarded[i] = p instanceof RexInputRef ref ? ref.getIndex() : -1;
      if (proctime < 0 && isProctimeCall(p)) {
        proctime = i;
      }
      String text = describe(p, inputNames);
      String name = rowType.getFieldNames().get(i);
      shown.add(text.equals(name) ? text : text + " AS " + name);
    }
    String description = "select=[" + String.join(", ", shown) + "]" + (merged.conditions().isEmpty() ? ""
        : ", where=[" + describe(RexUtil.composeConjunction(b, merged.conditions()), inputNames) + "]");
    CalcNode calc = new CalcNode(input, TypeConversion.toLogicalType(rowType),
        conditionOf(compiler, merged.conditions()), RelOptUtil.InputFinder.bits(merged.conditions(), null).toArray(),
        compiler.compile(projections), memo, forwarded, proctime, description);
    calcMerge.built(calc, merged);
    return calc;
  }

  /** TRUE for the rows that pass every condition, each checked only if the ones before it passed; null if none. */
  private static RowExpression conditionOf(RexCompiler compiler, List<RexNode> conditions) {
    if (conditions.isEmpty()) {
      return null;
    }
    if (conditions.size() == 1) {
      return compiler.compile(conditions.get(0));
    }
    RowExpression[] each = compiler.compile(conditions).toArray(RowExpression[]::new);
    return row -> {
      for (int i = 0; i < each.length - 1; i++) {
        if (!Boolean.TRUE.equals(each[i].eval(row))) {
          return Boolean.FALSE;
        }
      }
      return each[each.length - 1].eval(row);
    };
  }

  /** An expression's text with input fields named. */
  static String describe(RexNode node, List<String> inputNames) {
    RexNode named = node.accept(new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        return new RexInputRef(ref.getIndex(), ref.getType()) {
          @Override
          public String toString() {
            return inputNames.get(getIndex());
          }
        };
      }
    });
    return named.toString();
  }

  private PhysicalNode scan(TableScan scan) {
    CatalogTableAdapter adapter = scan.getTable().unwrap(CatalogTableAdapter.class);
    if (adapter == null) {
      throw new UnsupportedOperationException("Cannot scan " + scan.getTable().getQualifiedName());
    }
    CatalogTable table = adapter.table();
    TableSource fed = sql.catalog().fedSource(table.name());
    TableSource source = fed != null ? fed : TableFactories.forTable(table).createSource(table);
    PhysicalNode node = new SourceScanNode(table, source);
    projectionPushDown.built(node, new ProjectionPushDown.Scan(table, source, null, -1, null, null, null));
    List<RexNode> computedColumns = null;
    if (table.hasComputedColumns()) {
      List<String> select = new ArrayList<>();
      for (var column : table.columns()) {
        select.add(column.isPhysical() ? quote(column.name()) : "(" + column.expression() + ") AS " + quote(column.name()));
      }
      RelRoot computed = sql.planOver(table, table.physicalRowType(), String.join(", ", select), Position.START);
      node = projectOver(node, computed);
      computedColumns = projections(computed.rel);
    }
    int rowtime = -1;
    Long delay = null;
    RowExpression watermarkExpression = null;
    if (table.rowtimeColumn() != null) {
      RelRoot watermark = sql.planOver(table, table.rowType(), "(" + table.watermarkExpression() + ")", Position.START);
      RexCompiler compiler = new RexCompiler(watermark.rel.getCluster().getRexBuilder());
      RexNode expression = projections(watermark.rel).get(0);
      rowtime = table.columnIndex(table.rowtimeColumn());
      delay = WatermarkDelay.of(expression, rowtime);
      watermarkExpression = compiler.compile(expression);
      node = new WatermarkAssignerNode(node, rowtime, watermarkExpression, delay, table.watermarkExpression());
    }
    projectionPushDown.built(node, new ProjectionPushDown.Scan(table, source, computedColumns, rowtime, delay,
        watermarkExpression, table.watermarkExpression()));
    return node;
  }

  private PhysicalNode projectOver(PhysicalNode input, RelRoot root) {
    return calc(input, null, projections(root.rel), root.validatedRowType, root.rel.getCluster().getRexBuilder());
  }

  /** The projections of a single-Calc (or project) plan over a scan. */
  static List<RexNode> projections(RelNode rel) {
    if (rel instanceof LogicalCalc calc) {
      RexProgram program = calc.getProgram();
      List<RexNode> out = new ArrayList<>();
      for (var ref : program.getProjectList()) {
        out.add(program.expandLocalRef(ref));
      }
      return out;
    }
    if (rel instanceof TableScan) {
      List<RexNode> out = new ArrayList<>();
      RexBuilder b = rel.getCluster().getRexBuilder();
      for (int i = 0; i < rel.getRowType().getFieldCount(); i++) {
        out.add(b.makeInputRef(rel, i));
      }
      return out;
    }
    throw new IllegalStateException("expected a projection over a table, got " + rel.explain());
  }

  private static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  private PhysicalNode aggregate(Aggregate aggregate) {
    if (aggregate.getGroupType() != Aggregate.Group.SIMPLE) {
      return GroupingSetsRule.plan(this, aggregate);
    }
    RelNode input = aggregate.getInput();
    if (GroupWindowRule.matches(aggregate)) {
      return legacyWindowAggregate(aggregate, false);
    }
    if (input instanceof LogicalCalc calc && calc.getInput() instanceof LogicalTableFunctionScan tvf && WindowTableFunctionRule.isWindow(tvf)) {
      return windowAggregate(aggregate, calc, tvf);
    }
    if (input instanceof LogicalTableFunctionScan tvf && WindowTableFunctionRule.isWindow(tvf)) {
      return windowAggregate(aggregate, null, tvf);
    }
    PhysicalNode in = plan(input);
    if (groupsByWindowOf(aggregate, in)) {
      return attachedWindowAggregate(aggregate, input, in);
    }
    boolean retractions = !in.changelogMode().isInsertOnly();
    int[] grouping = aggregate.getGroupSet().toArray();
    List<AggregateCall> calls = calls(aggregate, retractions, i -> i);
    return new GroupAggregateNode(in, TypeConversion.toLogicalType(aggregate.getRowType()), grouping, calls);
  }

  private static PhysicalNode values(LogicalValues values) {
    RexCompiler compiler = new RexCompiler(values.getCluster().getRexBuilder());
    List<Row> rows = new ArrayList<>();
    for (List<RexLiteral> tuple : values.getTuples()) {
      Row row = new Row(tuple.size());
      for (int i = 0; i < tuple.size(); i++) {
        row.setField(i, compiler.compile(tuple.get(i)).eval(null));
      }
      rows.add(row);
    }
    return new ValuesNode(rows, TypeConversion.toLogicalType(values.getRowType()));
  }

  private List<AggregateCall> calls(Aggregate aggregate, boolean retractions, java.util.function.IntUnaryOperator remap) {
    return calls(aggregate.getInput(), aggregate.getAggCallList(), retractions, remap);
  }

  /** The runtime form of {@code aggCalls} over {@code input}'s fields, their arguments mapped by {@code remap}. */
  List<AggregateCall> calls(RelNode input, List<org.apache.calcite.rel.core.AggregateCall> aggCalls, boolean retractions,
      java.util.function.IntUnaryOperator remap) {
    List<AggregateCall> calls = new ArrayList<>();
    List<String> inputNames = input.getRowType().getFieldNames();
    for (org.apache.calcite.rel.core.AggregateCall call : aggCalls) {
      List<LogicalType> argTypes = new ArrayList<>();
      List<Object> constants = new ArrayList<>();
      for (int arg : call.getArgList()) {
        argTypes.add(TypeConversion.toLogicalType(input.getRowType().getFieldList().get(arg).getType()));
        constants.add(constant(input, arg));
      }
      RowAggregator aggregator = call.getAggregation().getKind() == SqlKind.LITERAL_AGG
          ? new LiteralAgg(((RexLiteral) call.rexList.get(0)).getValue2())
          : Aggregators.of(call.getAggregation(), call.isDistinct(), TypeConversion.toLogicalType(call.getType()),
              argTypes, constants, retractions);
      List<Integer> fields = Aggregators.readsAllArguments(call.getAggregation()) || call.getArgList().isEmpty()
          ? call.getArgList() : call.getArgList().subList(0, 1);
      List<String> argNames = new ArrayList<>();
      for (int f : call.getArgList()) {
        argNames.add(inputNames.get(f));
      }
      String name = call.getAggregation().getName() + (retractions ? "_RETRACT" : "") + "(" + (call.isDistinct() ? "DISTINCT " : "")
          + (argNames.isEmpty() ? "*" : String.join(", ", argNames)) + ")"
          + (call.filterArg >= 0 ? " FILTER " + inputNames.get(call.filterArg) : "");
      calls.add(new AggregateCall(name, aggregator, fields.stream().mapToInt(remap::applyAsInt).toArray(),
          call.filterArg < 0 ? -1 : remap.applyAsInt(call.filterArg)));
    }
    return calls;
  }

  /** The value of field {@code field} of {@code input} if a Calc or Project computes it as a literal, else null. */
  private static Object constant(RelNode input, int field) {
    RexNode e = switch (input) {
      case LogicalCalc calc -> calc.getProgram().expandLocalRef(calc.getProgram().getProjectList().get(field));
      case org.apache.calcite.rel.core.Project project -> project.getProjects().get(field);
      default -> null;
    };
    return e instanceof RexLiteral literal ? literal.getValue2() : null;
  }

  /**
   * Aggregate(Calc?(TVF(input))) grouped by window_start and window_end: a Calc over the TVF's
   * input computing [grouping keys, aggregate arguments, time column], a WindowAggregate over it,
   * and a Calc ordering its output as the Aggregate's.
   */
  private PhysicalNode windowAggregate(Aggregate aggregate, LogicalCalc calc, LogicalTableFunctionScan tvf) {
    RelNode tvfInput = tvf.getInputs().get(0);
    int n = tvfInput.getRowType().getFieldCount();
    RexBuilder b = aggregate.getCluster().getRexBuilder();
    List<RexNode> projections = new ArrayList<>();
    RexNode condition = null;
    if (calc != null) {
      RexProgram program = calc.getProgram();
      for (var ref : program.getProjectList()) {
        projections.add(program.expandLocalRef(ref));
      }
      if (program.getCondition() != null) {
        condition = program.expandLocalRef(program.getCondition());
      }
    } else {
      for (int i = 0; i < tvf.getRowType().getFieldCount(); i++) {
        projections.add(b.makeInputRef(tvf, i));
      }
    }
    WindowTableFunctionRule window = WindowTableFunctionRule.of(tvf);
    WindowColumns columns = p -> p instanceof RexInputRef ref && ref.getIndex() >= n ? ref.getIndex() - n : -1;
    RexNode time = b.makeInputRef(tvfInput.getRowType().getFieldList().get(window.timeField()).getType(),
        window.timeField());
    return groupWindowAggregate(aggregate, tvfInput, projections, condition, time, WindowSpec.of(window), columns,
        false, false);
  }

  /**
   * Whether {@code aggregate} groups by both window_start and window_end of an input whose rows
   * already carry their TUMBLE, HOP or CUMULATE window (a window join, aggregation or Top-N, as
   * Flink's window properties): Flink plans it as a window aggregation, insert-only.
   */
  private static boolean groupsByWindowOf(Aggregate aggregate, PhysicalNode input) {
    int[] bounds = input.windowBounds();
    return bounds != null && input.windowing() != null && input.changelogMode().isInsertOnly()
        && aggregate.getGroupSet().get(bounds[0]) && aggregate.getGroupSet().get(bounds[1]);
  }

  /** A window aggregation over rows whose windows were assigned upstream (Flink's window-attached strategy). */
  private PhysicalNode attachedWindowAggregate(Aggregate aggregate, RelNode input, PhysicalNode planned) {
    RexBuilder b = aggregate.getCluster().getRexBuilder();
    List<RexNode> projections = new ArrayList<>();
    for (int i = 0; i < input.getRowType().getFieldCount(); i++) {
      projections.add(b.makeInputRef(input, i));
    }
    int[] bounds = planned.windowBounds();
    WindowColumns columns = p -> p instanceof RexInputRef ref
        ? ref.getIndex() == bounds[0] ? 0 : ref.getIndex() == bounds[1] ? 1 : -1 : -1;
    return groupWindowAggregate(aggregate, input, projections, null, projections.get(bounds[1]),
        new WindowSpec(new WindowAssignment.Attached(planned.windowing()), 0), columns, false, false);
  }

  /** The windows of a window aggregation: an assignment, or (when null) sessions with this gap in ms. */
  record WindowSpec(WindowAssignment windows, long sessionGap) {
    static WindowSpec of(WindowTableFunctionRule window) {
      return window.name().equals("SESSION") ? new WindowSpec(null, window.intervals().get(0))
          : new WindowSpec(window.assignment(), 0);
    }
  }

  /** Which window column (0 start, 1 end, 2 time) a grouping expression is, or -1 for a key. */
  interface WindowColumns {
    int of(RexNode projection);
  }

  /**
   * The legacy group window {@code GROUP BY k, SESSION|TUMBLE|HOP(ts, ...)}: Aggregate(Calc(input))
   * whose Calc computes the window call. The window's group column is its start
   * (SESSION_START, TUMBLE_START, HOP_START read it; TUMBLE_END and HOP_END add the size);
   * with {@code appendEnd} the window's end follows the Aggregate's fields, for SESSION_END.
   */
  PhysicalNode legacyWindowAggregate(Aggregate aggregate, boolean appendEnd) {
    LogicalCalc calc = (LogicalCalc) aggregate.getInput();
    RexProgram program = calc.getProgram();
    List<RexNode> projections = new ArrayList<>();
    for (var ref : program.getProjectList()) {
      projections.add(program.expandLocalRef(ref));
    }
    RexNode condition = program.getCondition() == null ? null : program.expandLocalRef(program.getCondition());
    RexCall window = null;
    for (int g : aggregate.getGroupSet()) {
      if (GroupWindowRule.isWindowCall(projections.get(g))) {
        window = (RexCall) projections.get(g);
      }
    }
    RexNode time = window.getOperands().get(0);
    if (!(time instanceof RexInputRef) && !isProctimeCall(time)) {
      throw new UnsupportedOperationException("the time of a group window must be a column: " + window);
    }
    List<Long> intervals = new ArrayList<>();
    for (RexNode operand : window.getOperands().subList(1, window.getOperands().size())) {
      if (!(operand instanceof RexLiteral literal)) {
        throw new UnsupportedOperationException("the sizes of a group window must be literals: " + window);
      }
      intervals.add(literal.getValueAs(java.math.BigDecimal.class).longValueExact());
    }
    String name = switch (window.getKind()) {
      case SESSION -> "SESSION";
      case TUMBLE -> "TUMBLE";
      default -> "HOP";
    };
    RexCall theWindow = window;
    return groupWindowAggregate(aggregate, calc.getInput(), projections, condition, time,
        WindowSpec.of(new WindowTableFunctionRule(name, -1, intervals)),
        p -> p == theWindow ? 0 : GroupWindowRule.isWindowCall(p) ? 2 : -1, true, appendEnd);
  }

  /**
   * A window aggregation over {@code source}: {@code projections} (over the source's fields and,
   * for a TVF, its window columns) are what the Aggregate reads; the window columns among the
   * grouping expressions are found by {@code columns}. Builds a Calc over the source computing
   * [grouping keys, aggregate arguments, time column], the window aggregate over it, and a Calc
   * ordering its output as the Aggregate's (plus window_end if {@code appendEnd}). A {@code legacy}
   * group window has one window column in the GROUP BY, a table function's both start and end.
   */
  private PhysicalNode groupWindowAggregate(Aggregate aggregate, RelNode source, List<RexNode> projections,
      RexNode condition, RexNode time, WindowSpec window, WindowColumns columns,
      boolean legacy, boolean appendEnd) {
    int n = source.getRowType().getFieldCount();
    RexBuilder b = aggregate.getCluster().getRexBuilder();
    List<RexNode> pre = new ArrayList<>();
    int windowStartGroup = -1;
    int windowEndGroup = -1;
    int windowTimeGroup = -1;
    int[] groupFields = aggregate.getGroupSet().toArray();
    List<Integer> keyPositions = new ArrayList<>();
    for (int g = 0; g < groupFields.length; g++) {
      RexNode p = projections.get(groupFields[g]);
      int w = columns.of(p);
      if (w == 0 && windowStartGroup < 0) {
        windowStartGroup = g;
        continue;
      } else if (w == 1) {
        windowEndGroup = g;
        continue;
      } else if (w == 2 && !legacy && windowTimeGroup < 0) {
        windowTimeGroup = g; // the output's time attribute, for a window further down (Flink's cascading windows)
        continue;
      } else if (w >= 0) {
        throw new UnsupportedOperationException("one group window per GROUP BY is supported");
      }
      requireNoWindowColumns(p, n, "a grouping key");
      keyPositions.add(g);
      pre.add(p);
    }
    if (windowStartGroup < 0 || (windowEndGroup < 0 && !legacy)) {
      throw new UnsupportedOperationException(
          "A window aggregation must group by both window_start and window_end (Flink's rule)");
    }
    int keys = pre.size();
    Map<Integer, Integer> argPositions = new java.util.HashMap<>();
    for (var aggCall : aggregate.getAggCallList()) {
      List<Integer> used = new ArrayList<>(aggCall.getArgList());
      if (aggCall.filterArg >= 0) {
        used.add(aggCall.filterArg);
      }
      for (int f : used) {
        if (!argPositions.containsKey(f)) {
          RexNode p = projections.get(f);
          requireNoWindowColumns(p, n, "an aggregate argument");
          argPositions.put(f, pre.size());
          pre.add(p);
        }
      }
    }
    if (condition != null) {
      requireNoWindowColumns(condition, n, "the WHERE condition");
    }
    pre.add(time);
    int preTime = pre.size() - 1;
    PhysicalNode input = plan(source);
    int timeField = time instanceof RexInputRef ref ? ref.getIndex() : -1;
    boolean proctime = isProctimeCall(time) || (input.proctimeField() == timeField && input.rowtimeField() != timeField);
    if (proctime && window.windows() == null) {
      throw new UnsupportedOperationException("SESSION windows over a processing-time attribute are not supported yet");
    }
    List<String> preNames = new ArrayList<>();
    List<org.apache.calcite.rel.type.RelDataType> preTypes = new ArrayList<>();
    for (int i = 0; i < pre.size(); i++) {
      preNames.add(i == preTime ? (timeField < 0 ? "proctime" : source.getRowType().getFieldNames().get(timeField))
          : i < keys ? aggregate.getRowType().getFieldNames().get(keyPositions.get(i)) : "$f" + i);
      preTypes.add(pre.get(i).getType());
    }
    var preType = b.getTypeFactory().createStructType(preTypes, uniquify(preNames));
    PhysicalNode preCalc = calc(input, condition, pre, preType, b);
    int[] grouping = new int[keys];
    for (int i = 0; i < keys; i++) {
      grouping[i] = i;
    }
    List<AggregateCall> calls = calls(aggregate, false, argPositions::get);
    List<String> outNames = new ArrayList<>();
    List<LogicalType> outTypes = new ArrayList<>();
    for (int i = 0; i < keys; i++) {
      outNames.add(preNames.get(i));
      outTypes.add(TypeConversion.toLogicalType(pre.get(i).getType()));
    }
    for (int i = 0; i < calls.size(); i++) {
      outNames.add(aggregate.getRowType().getFieldNames().get(groupFields.length + i));
      outTypes.add(TypeConversion.toLogicalType(aggregate.getAggCallList().get(i).getType()));
    }
    LogicalType ts = LogicalType.timestamp(3).copy(false);
    outNames.addAll(List.of("window_start", "window_end", "window_time"));
    outTypes.addAll(List.of(ts, ts, ts));
    LogicalType outType = LogicalType.row(uniquify(outNames), outTypes);
    PhysicalNode windowAgg = window.windows() == null
        ? new SessionWindowAggregateNode(preCalc, outType, grouping, calls, window.sessionGap(), preTime)
        : new WindowAggregateNode(preCalc, outType, grouping, calls, window.windows(), preTime, proctime);
    // Reorder to the Aggregate's output: its group fields in order, then the aggregates.
    List<RexNode> order = new ArrayList<>();
    var windowType = TypeConversion.toTableRowType(b.getTypeFactory(), windowAgg.rowType());
    int nextKey = 0;
    for (int g = 0; g < groupFields.length; g++) {
      int from = g == windowStartGroup ? keys + calls.size() : g == windowEndGroup ? keys + calls.size() + 1
          : g == windowTimeGroup ? keys + calls.size() + 2 : nextKey++;
      RexNode field = b.makeInputRef(windowType.getFieldList().get(from).getType(), from);
      var wanted = aggregate.getRowType().getFieldList().get(g).getType();
      // a legacy window over a TIMESTAMP_LTZ (proctime) attribute: its start is of that type
      order.add(wanted.getSqlTypeName() == field.getType().getSqlTypeName() ? field : b.makeCast(wanted, field));
    }
    for (int i = 0; i < calls.size(); i++) {
      order.add(b.makeInputRef(windowType.getFieldList().get(keys + i).getType(), keys + i));
    }
    var rowType = aggregate.getRowType();
    if (appendEnd) {
      int end = keys + calls.size() + 1;
      order.add(b.makeInputRef(windowType.getFieldList().get(end).getType(), end));
      rowType = b.getTypeFactory().builder().addAll(rowType.getFieldList())
          .add("window_end", windowType.getFieldList().get(end).getType()).uniquify().build();
    }
    return calc(windowAgg, null, order, rowType, b);
  }

  /** Whether {@code node} is a {@code PROCTIME()} call: a processing-time attribute where it is computed. */
  static boolean isProctimeCall(RexNode node) {
    return node instanceof RexCall call && call.getOperator() == FlinkFunctions.PROCTIME;
  }

  private static List<String> uniquify(List<String> names) {
    List<String> out = new ArrayList<>();
    for (String name : names) {
      String unique = name;
      for (int i = 0; out.contains(unique); i++) {
        unique = name + i;
      }
      out.add(unique);
    }
    return out;
  }

  private static void requireNoWindowColumns(RexNode node, int n, String where) {
    ImmutableBitSet used = org.apache.calcite.plan.RelOptUtil.InputFinder.bits(node);
    if (used.nextSetBit(n) >= 0) {
      throw new UnsupportedOperationException("window_start/window_end/window_time in " + where
          + " of a window aggregation is not supported yet");
    }
  }
}
