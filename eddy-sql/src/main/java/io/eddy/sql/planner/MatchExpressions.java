package io.eddy.sql.planner;

import io.eddy.sql.codegen.RexCompiler;
import io.eddy.table.runtime.RowExpression;
import io.eddy.table.runtime.operators.aggregate.Accumulators;
import io.eddy.table.runtime.operators.aggregate.AggregateCall;
import io.eddy.table.runtime.operators.aggregate.RowAggregator;
import io.eddy.table.runtime.operators.match.MatchExpression;
import io.eddy.table.runtime.operators.match.MatchInput;
import io.eddy.table.runtime.operators.match.MatchScope;
import io.eddy.table.types.LogicalType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexPatternFieldRef;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlKind;

/**
 * Compiles a DEFINE or MEASURES expression of MATCH_RECOGNIZE (Flink's MatchCodeGenerator): each
 * part that reads the match (a pattern column, navigated by {@code PREV(x, 0)}, {@code LAST(x, n)}
 * or {@code FIRST(x, n)}; an aggregate over one variable's rows; {@code MATCH_ROWTIME()}) becomes
 * a {@link MatchInput} and a field reference in its place, and the rest is compiled by
 * {@link RexCompiler}. Refused as Flink refuses them: physical offsets ({@code PREV(A.x, 1)} on the
 * variable being defined), aggregates over several variables, RUNNING, CLASSIFIER, MATCH_NUMBER.
 */
final class MatchExpressions {
  private final RexBuilder rexBuilder;
  private final java.util.Set<String> variables;

  /** {@code variables}: the pattern's variables; a column of any other qualifier (the table's) reads all rows. */
  MatchExpressions(RexBuilder rexBuilder, java.util.Set<String> variables) {
    this.rexBuilder = rexBuilder;
    this.variables = java.util.Set.copyOf(variables);
  }

  private String variable(RexPatternFieldRef ref) {
    return variables.contains(ref.getAlpha()) ? ref.getAlpha() : MatchScope.ALL;
  }

  MatchExpression compile(RexNode expression) {
    List<MatchInput> inputs = new ArrayList<>();
    RexNode body = expression.accept(new Rewriter(inputs, false, 0));
    return new MatchExpression(new RexCompiler(rexBuilder).compile(body), inputs.toArray(MatchInput[]::new));
  }

  /** Whether {@code measure} is {@code [FINAL] MATCH_ROWTIME(...)} (the output keeps a rowtime attribute). */
  static boolean isMatchRowtime(RexNode measure) {
    if (measure instanceof RexCall call && call.getKind() == SqlKind.FINAL) {
      return isMatchRowtime(call.getOperands().get(0));
    }
    return measure instanceof RexCall call && call.getOperator() == MatchFunctions.MATCH_ROWTIME;
  }

  /** Replaces match reads by references to the inputs it adds; navigation sets the position of the columns below it. */
  private final class Rewriter extends RexShuttle {
    private final List<MatchInput> inputs;
    private final boolean fromFirst;
    private final int offset;

    Rewriter(List<MatchInput> inputs, boolean fromFirst, int offset) {
      this.inputs = inputs;
      this.fromFirst = fromFirst;
      this.offset = offset;
    }

    private RexNode add(MatchInput input, org.apache.calcite.rel.type.RelDataType type) {
      inputs.add(input);
      return new RexInputRef(inputs.size() - 1, rexBuilder.getTypeFactory().createTypeWithNullability(type, true));
    }

    @Override
    public RexNode visitPatternFieldRef(RexPatternFieldRef ref) {
      return add(new MatchInput.Navigation(variable(ref), fromFirst, offset, ref.getIndex()), ref.getType());
    }

    @Override
    public RexNode visitInputRef(RexInputRef ref) {
      return add(new MatchInput.Navigation(MatchScope.ALL, fromFirst, offset, ref.getIndex()), ref.getType());
    }

    @Override
    public RexNode visitCall(RexCall call) {
      SqlKind kind = call.getKind();
      switch (kind) {
        case PREV, NEXT -> {
          if (count(call) != 0) {
            throw new UnsupportedOperationException("Flink does not support physical offsets within partition.");
          }
          return call.getOperands().get(0).accept(new Rewriter(inputs, false, 0));
        }
        case FIRST, LAST -> {
          return call.getOperands().get(0).accept(new Rewriter(inputs, kind == SqlKind.FIRST, count(call)));
        }
        case FINAL -> {
          return call.getOperands().get(0).accept(this);
        }
        case RUNNING -> throw new UnsupportedOperationException(
            "RUNNING in MATCH_RECOGNIZE is not supported (MEASURES are evaluated FINAL, as in Flink)");
        case CLASSIFIER, MATCH_NUMBER -> throw new UnsupportedOperationException(
            kind + "() in MATCH_RECOGNIZE is not supported (as in Flink)");
        default -> { }
      }
      if (call.getOperator() == MatchFunctions.MATCH_ROWTIME) {
        return add(new MatchInput.MatchRowtime(call.getType().getSqlTypeName()
            == org.apache.calcite.sql.type.SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE), call.getType());
      }
      if (call.getOperator() instanceof SqlAggFunction function) {
        return add(aggregate(call, function), call.getType());
      }
      return super.visitCall(call);
    }
  }

  private static int count(RexCall call) {
    return ((RexLiteral) call.getOperands().get(1)).getValueAs(Integer.class);
  }

  /** An aggregate over the rows of the one variable its arguments read (all rows when none). */
  private MatchInput aggregate(RexCall call, SqlAggFunction function) {
    String variable = variableOf(call);
    RexCompiler compiler = new RexCompiler(rexBuilder);
    List<RowExpression> arguments = new ArrayList<>();
    List<LogicalType> argTypes = new ArrayList<>();
    List<Object> constants = new ArrayList<>();
    for (RexNode operand : call.getOperands()) {
      RexNode overRow = operand.accept(new RexShuttle() {
        @Override
        public RexNode visitPatternFieldRef(RexPatternFieldRef ref) {
          return new RexInputRef(ref.getIndex(), ref.getType());
        }
      });
      arguments.add(compiler.compile(overRow));
      argTypes.add(TypeConversion.toLogicalType(operand.getType()));
      constants.add(operand instanceof RexLiteral literal ? literal.getValue2() : null);
    }
    RowAggregator aggregator = Aggregators.of(function, false, TypeConversion.toLogicalType(call.getType()), argTypes,
        constants, false);
    int[] fields = new int[Aggregators.readsAllArguments(function) ? arguments.size() : Math.min(1, arguments.size())];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = i;
    }
    AggregateCall aggregate = new AggregateCall(call.toString(), aggregator, fields, -1);
    return new MatchInput.Aggregate(variable, new Accumulators(Collections.singletonList(aggregate)),
        arguments.toArray(RowExpression[]::new));
  }

  /** The one pattern variable an aggregate reads (Flink's AggregationPatternVariableFinder). */
  private String variableOf(RexCall call) {
    List<String> found = new ArrayList<>();
    call.accept(new RexShuttle() {
      @Override
      public RexNode visitPatternFieldRef(RexPatternFieldRef ref) {
        if (!found.contains(variable(ref))) {
          found.add(variable(ref));
        }
        return ref;
      }
    });
    if (found.size() > 1) {
      throw new IllegalArgumentException("Aggregation must be applied to a single pattern variable. "
          + "Malformed expression: " + call);
    }
    return found.isEmpty() ? MatchScope.ALL : found.get(0);
  }
}
