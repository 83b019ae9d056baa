package io.eddy.table.runtime.operators.match;

import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import io.eddy.table.runtime.RowExpression;
import java.io.Serializable;

/**
 * A DEFINE condition or MEASURES expression of MATCH_RECOGNIZE: an ordinary compiled expression
 * ({@code body}) over a row whose field i is the value of {@code inputs[i]} (navigations,
 * aggregates, the match's time) read from the scope at evaluation. Immutable.
 */
public record MatchExpression(RowExpression body, MatchInput[] inputs) implements Serializable {
  public MatchExpression {
    inputs = inputs.clone();
  }

  public Object eval(MatchScope scope) throws Exception {
    Object[] values = new Object[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      values[i] = inputs[i].eval(scope);
    }
    return body.eval(Row.wrap(RowKind.INSERT, values));
  }
}
