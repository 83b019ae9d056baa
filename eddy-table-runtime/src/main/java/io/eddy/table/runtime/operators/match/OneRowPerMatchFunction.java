package io.eddy.table.runtime.operators.match;

import io.eddy.api.functions.Collector;
import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import io.eddy.cep.functions.PatternProcessFunction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ONE ROW PER MATCH: for each match an insert row of the PARTITION BY fields (from the match's
 * rows) followed by the MEASURES, evaluated with FINAL semantics over the whole match. The match's
 * time is its timestamp (the last row's), which is also the output row's timestamp.
 */
public final class OneRowPerMatchFunction extends PatternProcessFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final int[] partitionFields;
  private final List<String> variables;
  private final MatchExpression[] measures;

  /** {@code variables}: the pattern's variables in pattern order. */
  public OneRowPerMatchFunction(int[] partitionFields, List<String> variables, List<MatchExpression> measures) {
    this.partitionFields = partitionFields.clone();
    this.variables = List.copyOf(variables);
    this.measures = measures.toArray(MatchExpression[]::new);
  }

  @Override
  public void processMatch(Map<String, List<Row>> match, Context ctx, Collector<Row> out) throws Exception {
    MatchScope scope = new Scope(match, ctx.timestamp());
    Object[] fields = new Object[partitionFields.length + measures.length];
    Row any = scope.rows(MatchScope.ALL).get(0);
    for (int i = 0; i < partitionFields.length; i++) {
      fields[i] = any.getField(partitionFields[i]);
    }
    for (int i = 0; i < measures.length; i++) {
      fields[partitionFields.length + i] = measures[i].eval(scope);
    }
    out.collect(Row.wrap(RowKind.INSERT, fields));
  }

  private final class Scope implements MatchScope {
    private final Map<String, List<Row>> match;
    private final long timestamp;
    private final Map<String, List<Row>> all = new HashMap<>();

    Scope(Map<String, List<Row>> match, long timestamp) {
      this.match = match;
      this.timestamp = timestamp;
    }

    @Override
    public List<Row> rows(String variable) {
      if (!variable.equals(ALL)) {
        return match.getOrDefault(variable, Collections.emptyList());
      }
      return all.computeIfAbsent(ALL, k -> {
        List<Row> rows = new ArrayList<>();
        for (String v : variables) {
          rows.addAll(match.getOrDefault(v, Collections.emptyList()));
        }
        return rows;
      });
    }

    @Override
    public Row current() {
      return null;
    }

    @Override
    public boolean isCurrent(String variable) {
      return false;
    }

    @Override
    public long timestamp() {
      return timestamp;
    }
  }
}
