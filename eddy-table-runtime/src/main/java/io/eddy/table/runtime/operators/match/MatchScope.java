package io.eddy.table.runtime.operators.match;

import io.eddy.api.types.Row;
import java.util.List;

/**
 * What a MATCH_RECOGNIZE expression reads: the rows mapped to a pattern variable so far, in match
 * order ({@link #ALL} for all variables), the row being tested (DEFINE only) and the time of the
 * match (MEASURES only).
 */
public interface MatchScope {
  /** The pseudo variable of a column referenced without a variable: every row of the match. */
  String ALL = "*";

  /** The rows of {@code variable} (or {@link #ALL}) so far; in a DEFINE condition including the row tested. */
  List<Row> rows(String variable) throws Exception;

  /** The row a DEFINE condition tests, or null in MEASURES. */
  Row current();

  /** True when {@code variable} is the one a DEFINE condition is evaluated for (or ALL in one). */
  boolean isCurrent(String variable);

  /** The timestamp of the match (its last row's), epoch milliseconds. */
  long timestamp();
}
