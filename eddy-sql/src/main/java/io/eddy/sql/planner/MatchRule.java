package io.eddy.sql.planner;

import io.eddy.api.types.Row;
import io.eddy.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import io.eddy.cep.nfa.compiler.NFACompiler;
import io.eddy.cep.pattern.Pattern;
import io.eddy.cep.pattern.Quantifier;
import io.eddy.sql.plan.MatchNode;
import io.eddy.sql.plan.PhysicalNode;
import io.eddy.table.runtime.operators.match.MatchExpression;
import io.eddy.table.runtime.operators.match.OneRowPerMatchFunction;
import io.eddy.table.runtime.operators.match.RowEventComparator;
import io.eddy.table.runtime.operators.match.RowPatternCondition;
import io.eddy.table.runtime.operators.rank.SortSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.logical.LogicalMatch;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlMatchRecognize;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeFamily;

/**
 * MATCH_RECOGNIZE to a {@link MatchNode}, as Flink's StreamExecMatch translates it: the pattern's
 * variables in sequence become eddy-cep steps with strict contiguity ({@code next}), quantifiers
 * {@code *}, {@code +}, {@code ?}, {@code {n}}, {@code {n,}}, {@code {n,m}} become
 * oneOrMore/optional/times/timesOrMore with {@code consecutive()}, greedy unless reluctant; AFTER
 * MATCH SKIP becomes the skip strategy, WITHIN the pattern's {@code within}; each DEFINE a
 * {@link RowPatternCondition}, the MEASURES a {@link OneRowPerMatchFunction}. What Flink refuses
 * is refused with Flink's message: ALL ROWS PER MATCH, alternation, PERMUTE, exclusion, group
 * patterns, patterns that can match no row, a greedy last variable, ORDER BY not starting with
 * the rowtime ascending, an updating input.
 */
final class MatchRule {
  private MatchRule() {}

  static PhysicalNode plan(PhysicalPlanner planner, LogicalMatch match) {
    if (match.isAllRows()) {
      // Flink's physical rule throws this, so its planner reports no plan for the query
      throw new UnsupportedOperationException("Cannot generate a valid execution plan for the given query: "
          + "All rows per match mode is not supported yet.");
    }
    if (!match.getSubsets().isEmpty()) {
      throw new UnsupportedOperationException("SUBSET in MATCH_RECOGNIZE is not supported yet.");
    }
    if (match.isStrictStart() || match.isStrictEnd()) {
      throw new UnsupportedOperationException("The anchors ^ and $ in MATCH_RECOGNIZE patterns are not supported.");
    }
    int[] partition = match.getPartitionKeys().toArray();
    checkAmbiguousColumns(match, partition);
    PhysicalNode input = planner.plan(match.getInput());
    if (!input.changelogMode().isInsertOnly()) {
      // Flink names the kinds the input really produces; Eddy's modes are coarser (a group aggregate
      // declares deletes even over an insert-only input), so updates are named alone.
      boolean updates = input.changelogMode().contains(io.eddy.api.types.RowKind.UPDATE_AFTER);
      throw new UnsupportedOperationException("Match Recognize doesn't support consuming "
          + (updates ? "update" : "delete") + " changes which is "
          + "produced by node " + input.name() + "(" + input.attributes() + ")");
    }
    List<RelFieldCollation> order = match.getOrderKeys().getFieldCollations();
    if (order.isEmpty()) {
      throw new UnsupportedOperationException("You must specify either rowtime or proctime for order by.");
    }
    if (order.get(0).getFieldIndex() != input.rowtimeField() || input.rowtimeField() < 0) {
      throw new UnsupportedOperationException("You must specify either rowtime or proctime for order by as the "
          + "first one.");
    }
    if (order.get(0).getDirection() != RelFieldCollation.Direction.ASCENDING) {
      throw new UnsupportedOperationException("Primary sort order of a streaming table must be ascending on time.");
    }

    MatchExpressions expressions = new MatchExpressions(match.getCluster().getRexBuilder(),
        variables(match.getPattern(), new LinkedHashSet<>()));
    PatternTranslator translator = new PatternTranslator(match, expressions, skipStrategy(match.getAfter()));
    Pattern<Row, Row> pattern = match.getPattern().accept(translator);
    if (match.getInterval() != null) {
      pattern = pattern.within(timeBound(match.getInterval()));
    }
    if (NFACompiler.canProduceEmptyMatches(pattern)) {
      throw new UnsupportedOperationException("Patterns that can produce empty matches are not supported. There must "
          + "be at least one non-optional state.");
    }
    if (pattern.getQuantifier().hasProperty(Quantifier.QuantifierProperty.GREEDY)) {
      throw new UnsupportedOperationException("Greedy quantifiers are not allowed as the last element of a Pattern "
          + "yet. Finish your pattern with either a simple variable or reluctant quantifier.");
    }

    List<String> outputNames = match.getRowType().getFieldNames();
    List<MatchExpression> measures = new ArrayList<>();
    int rowtimeField = -1;
    for (int i = partition.length; i < outputNames.size(); i++) {
      RexNode measure = match.getMeasures().get(outputNames.get(i));
      measures.add(expressions.compile(measure));
      if (MatchExpressions.isMatchRowtime(measure)) {
        rowtimeField = i;
      }
    }
    OneRowPerMatchFunction function = new OneRowPerMatchFunction(partition, translator.variables(), measures);
    return new MatchNode(input, TypeConversion.toLogicalType(match.getRowType()), partition, comparator(order),
        pattern, function, rowtimeField, describe(match, input));
  }

  /** The pattern variables named in {@code pattern}. */
  private static java.util.Set<String> variables(RexNode pattern, java.util.Set<String> into) {
    if (pattern instanceof RexLiteral literal && literal.getValue2() instanceof String name) {
      into.add(name);
    } else if (pattern instanceof RexCall call) {
      call.getOperands().forEach(o -> variables(o, into));
    }
    return into;
  }

  /** Partition columns and measures must not share names (Flink's check; Calcite drops the duplicate). */
  private static void checkAmbiguousColumns(LogicalMatch match, int[] partition) {
    if (partition.length + match.getMeasures().size() != match.getRowType().getFieldCount()) {
      List<String> inputNames = match.getInput().getRowType().getFieldNames();
      String ambiguous = java.util.Arrays.stream(partition).mapToObj(inputNames::get)
          .filter(match.getMeasures()::containsKey).collect(Collectors.joining(", ", "{", "}"));
      throw new IllegalArgumentException("Columns ambiguously defined: " + ambiguous);
    }
  }

  private static RowEventComparator comparator(List<RelFieldCollation> order) {
    if (order.size() == 1) {
      return null;
    }
    List<RelFieldCollation> rest = order.subList(1, order.size());
    int[] fields = new int[rest.size()];
    boolean[] ascending = new boolean[rest.size()];
    boolean[] nullsFirst = new boolean[rest.size()];
    for (int i = 0; i < rest.size(); i++) {
      RelFieldCollation c = rest.get(i);
      fields[i] = c.getFieldIndex();
      ascending[i] = !c.getDirection().isDescending();
      nullsFirst[i] = c.nullDirection == RelFieldCollation.NullDirection.FIRST
          || c.nullDirection == RelFieldCollation.NullDirection.UNSPECIFIED && ascending[i];
    }
    return new RowEventComparator(new SortSpec(fields, ascending, nullsFirst));
  }

  private static AfterMatchSkipStrategy skipStrategy(RexNode after) {
    return switch (after.getKind()) {
      case LITERAL -> switch (((RexLiteral) after).getValueAs(SqlMatchRecognize.AfterOption.class)) {
        case SKIP_PAST_LAST_ROW -> AfterMatchSkipStrategy.skipPastLastEvent();
        case SKIP_TO_NEXT_ROW -> AfterMatchSkipStrategy.skipToNext();
      };
      case SKIP_TO_FIRST -> AfterMatchSkipStrategy.skipToFirst(target(after)).throwExceptionOnMiss();
      case SKIP_TO_LAST -> AfterMatchSkipStrategy.skipToLast(target(after)).throwExceptionOnMiss();
      default -> throw new IllegalStateException("Unexpected AFTER MATCH option " + after);
    };
  }

  private static String target(RexNode after) {
    return ((RexLiteral) ((RexCall) after).getOperands().get(0)).getValueAs(String.class);
  }

  private static Duration timeBound(RexNode interval) {
    if (interval instanceof RexLiteral l && l.getTypeName().getFamily() == SqlTypeFamily.INTERVAL_DAY_TIME) {
      return Duration.ofMillis(l.getValueAs(Long.class));
    }
    throw new UnsupportedOperationException("Only constant intervals with millisecond resolution are supported as "
        + "time constraints of patterns.");
  }

  private static String describe(LogicalMatch match, PhysicalNode input) {
    List<String> names = match.getInput().getRowType().getFieldNames();
    StringBuilder sb = new StringBuilder();
    if (!match.getPartitionKeys().isEmpty()) {
      sb.append("partitionBy=[").append(match.getPartitionKeys().asList().stream().map(names::get)
          .collect(Collectors.joining(", "))).append("], ");
    }
    sb.append("orderBy=[").append(match.getOrderKeys().getFieldCollations().stream()
        .map(c -> names.get(c.getFieldIndex()) + (c.getDirection().isDescending() ? " DESC" : " ASC"))
        .collect(Collectors.joining(", "))).append("], measures=[")
        .append(match.getMeasures().entrySet().stream().map(e -> e.getValue() + " AS " + e.getKey())
            .collect(Collectors.joining(", ")))
        .append("], rowsPerMatch=[ONE ROW PER MATCH], after=[").append(match.getAfter()).append("], pattern=[")
        .append(match.getPattern()).append("]")
        .append(match.getInterval() == null ? "" : ", within=[" + match.getInterval() + "]")
        .append(", define=[").append(match.getPatternDefinitions().entrySet().stream()
            .map(e -> e.getKey() + " AS " + e.getValue()).collect(Collectors.joining(", "))).append("]");
    return sb.toString();
  }

  /** The pattern expression to eddy-cep steps (Flink's PatternVisitor). */
  private static final class PatternTranslator extends org.apache.calcite.rex.RexVisitorImpl<Pattern<Row, Row>> {
    private final LogicalMatch match;
    private final MatchExpressions expressions;
    private final AfterMatchSkipStrategy skip;
    private final LinkedHashSet<String> names = new LinkedHashSet<>();
    private Pattern<Row, Row> pattern;

    PatternTranslator(LogicalMatch match, MatchExpressions expressions, AfterMatchSkipStrategy skip) {
      super(false);
      this.match = match;
      this.expressions = expressions;
      this.skip = skip;
    }

    List<String> variables() {
      return List.copyOf(names);
    }

    @Override
    public Pattern<Row, Row> visitLiteral(RexLiteral literal) {
      String name = literal.getValueAs(String.class);
      if (!names.add(name)) {
        throw new UnsupportedOperationException("Pattern variables must be unique. That might change in the future.");
      }
      pattern = pattern == null ? Pattern.<Row>begin(name, skip) : pattern.next(name);
      RexNode definition = match.getPatternDefinitions().get(name);
      if (definition != null) {
        pattern.where(new RowPatternCondition(name, List.copyOf(names), expressions.compile(definition)));
      }
      return pattern;
    }

    @Override
    public Pattern<Row, Row> visitCall(RexCall call) {
      var operator = call.getOperator();
      if (operator == SqlStdOperatorTable.PATTERN_CONCAT) {
        pattern = call.getOperands().get(0).accept(this);
        pattern = call.getOperands().get(1).accept(this);
        return pattern;
      }
      if (operator == SqlStdOperatorTable.PATTERN_QUANTIFIER) {
        if (!(call.getOperands().get(0) instanceof RexLiteral name)) {
          throw new UnsupportedOperationException("Expression not supported: " + call.getOperands().get(0)
              + " Group patterns are not supported yet.");
        }
        pattern = name.accept(this);
        int from = ((RexLiteral) call.getOperands().get(1)).getValueAs(Integer.class);
        int to = ((RexLiteral) call.getOperands().get(2)).getValueAs(Integer.class);
        boolean greedy = !((RexLiteral) call.getOperands().get(3)).getValueAs(Boolean.class);
        return quantify(pattern, from, to, greedy);
      }
      String what = operator == SqlStdOperatorTable.PATTERN_ALTER ? "branching"
          : operator == SqlStdOperatorTable.PATTERN_PERMUTE ? "PERMUTE"
          : operator == SqlStdOperatorTable.PATTERN_EXCLUDE ? "'{-' '-}'" : null;
      if (what == null) {
        throw new UnsupportedOperationException("Unsupported expression within Pattern: [" + call + "]");
      }
      throw new UnsupportedOperationException("Expression not supported: " + flinkText(call) + ". Currently, CEP doesn't "
          + "support " + what + " patterns.");
    }

    @Override
    public Pattern<Row, Row> visitInputRef(org.apache.calcite.rex.RexInputRef ref) {
      throw new UnsupportedOperationException("Unsupported expression within Pattern: [" + ref + "]");
    }

    /** A pattern call as Flink prints it (its string literals in its default charset, UTF-16LE). */
    private static String flinkText(RexCall call) {
      return call.getOperator().getName() + call.getOperands().stream()
          .map(o -> o instanceof RexLiteral l && l.getValue2() instanceof String s ? "_UTF-16LE'" + s + "'"
              : o instanceof RexCall c ? flinkText(c) : o.toString())
          .collect(Collectors.joining(", ", "(", ")"));
    }

    private static Pattern<Row, Row> quantify(Pattern<Row, Row> p, int from, int to, boolean greedy) {
      boolean optional = from == 0 && to == 1;
      Pattern<Row, Row> q;
      if (from == 0 && to == -1) {
        q = p.oneOrMore().optional().consecutive();
      } else if (from == 1 && to == -1) {
        q = p.oneOrMore().consecutive();
      } else if (optional) {
        q = p.optional();
      } else if (to != -1) {
        q = p.times(from, to).consecutive();
      } else {
        q = p.timesOrMore(from).consecutive();
      }
      if (greedy && (optional || from == to)) {
        return q;
      } else if (greedy) {
        return q.greedy();
      } else if (optional) {
        throw new UnsupportedOperationException("Reluctant optional variables are not supported yet.");
      }
      return q;
    }
  }
}
