package io.eddy.table.runtime.operators.match;

import io.eddy.api.types.Row;
import io.eddy.cep.pattern.conditions.IterativeCondition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The DEFINE condition of one pattern variable, as an eddy-cep condition: a row is accepted when
 * the expression is TRUE. As in Flink, a variable's rows are those the partial match mapped to
 * it, plus the tested row for the variable being defined; {@link MatchScope#ALL} is the rows of
 * the variables up to this one, in pattern order, plus the tested row.
 */
public final class RowPatternCondition extends IterativeCondition<Row> {
  private static final long serialVersionUID = 1L;

  private final String variable;
  private final List<String> variablesSoFar;
  private final MatchExpression condition;

  public RowPatternCondition(String variable, List<String> variablesSoFar, MatchExpression condition) {
    this.variable = variable;
    this.variablesSoFar = List.copyOf(variablesSoFar);
    this.condition = condition;
  }

  @Override
  public boolean filter(Row value, Context<Row> ctx) throws Exception {
    return Boolean.TRUE.equals(condition.eval(new Scope(value, ctx)));
  }

  private final class Scope implements MatchScope {
    private final Row current;
    private final Context<Row> ctx;
    private final Map<String, List<Row>> rows = new HashMap<>();

    Scope(Row current, Context<Row> ctx) {
      this.current = current;
      this.ctx = ctx;
    }

    @Override
    public List<Row> rows(String name) throws Exception {
      List<Row> found = rows.get(name);
      if (found == null) {
        found = new ArrayList<>();
        for (String v : name.equals(ALL) ? variablesSoFar : List.of(name)) {
          for (Row r : ctx.getEventsForPattern(v)) {
            found.add(r);
          }
        }
        if (isCurrent(name)) {
          found.add(current);
        }
        rows.put(name, found);
      }
      return found;
    }

    @Override
    public Row current() {
      return current;
    }

    @Override
    public boolean isCurrent(String name) {
      return name.equals(variable) || name.equals(ALL);
    }

    @Override
    public long timestamp() {
      return ctx.timestamp();
    }
  }
}
