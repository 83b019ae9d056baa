package io.eddy.table.runtime.operators.match;

import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import io.eddy.table.runtime.RowExpression;
import io.eddy.table.runtime.operators.aggregate.Accumulators;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * One value a MATCH_RECOGNIZE expression reads from its {@link MatchScope}: a field of a row found
 * by logical position among a variable's rows ({@code A.price}, {@code LAST(A.price, 1)},
 * {@code FIRST(A.price)}), an aggregate over a variable's rows, or the match's rowtime. The
 * planner replaces each such part of an expression by a field of the row these values make, so
 * the rest of the expression is compiled as any other (see {@link MatchExpression}).
 */
public sealed interface MatchInput extends Serializable {
  Object eval(MatchScope scope) throws Exception;

  /**
   * Field {@code field} of {@code variable}'s row at {@code offset} from its first row
   * ({@code fromFirst}) or its last; NULL when there is no such row (Flink's navigation).
   */
  record Navigation(String variable, boolean fromFirst, int offset, int field) implements MatchInput {
    @Override
    public Object eval(MatchScope scope) throws Exception {
      if (!fromFirst && offset == 0 && scope.current() != null && scope.isCurrent(variable)) {
        return scope.current().getField(field);
      }
      List<Row> rows = scope.rows(variable);
      if (rows.size() <= offset) {
        return null;
      }
      return rows.get(fromFirst ? offset : rows.size() - 1 - offset).getField(field);
    }
  }

  /**
   * One aggregate (in {@code accumulators}, over argument fields 0..n-1) of {@code arguments}
   * evaluated on each of {@code variable}'s rows (Flink accumulates the variable's rows afresh
   * for every evaluation).
   */
  record Aggregate(String variable, Accumulators accumulators, RowExpression[] arguments) implements MatchInput {
    @Override
    public Object eval(MatchScope scope) throws Exception {
      Row acc = accumulators.create();
      for (Row row : scope.rows(variable)) {
        Object[] values = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
          values[i] = arguments[i].eval(row);
        }
        accumulators.apply(acc, Row.wrap(RowKind.INSERT, values));
      }
      Object[] out = new Object[1];
      accumulators.values(acc, out, 0);
      return out[0];
    }
  }

  /** {@code MATCH_ROWTIME()}: the match's timestamp as a TIMESTAMP(3) ({@code ltz}: TIMESTAMP_LTZ(3)). */
  record MatchRowtime(boolean ltz) implements MatchInput {
    @Override
    public Object eval(MatchScope scope) {
      Instant t = Instant.ofEpochMilli(scope.timestamp());
      return ltz ? t : LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }
  }
}
