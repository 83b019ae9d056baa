package io.eddy.sql;

import io.eddy.api.datastream.CloseableIterator;
import io.eddy.api.types.Row;
import io.eddy.sql.parser.ScriptSplitter;
import io.eddy.sql.parser.Statement;
import io.eddy.sql.parser.StatementParser;
import io.eddy.sql.result.ChangelogTable;
import java.io.PrintStream;
import java.util.List;

/**
 * Runs the statements of a SQL script in order in one {@link TableEnvironment}, as
 * {@code eddy sql -f} does: statements that produce text (SHOW, DESCRIBE, EXPLAIN, SET) print
 * it; each SELECT runs to the end of its (bounded) input and its changelog is applied, the final
 * table of the last one being the script's result. The first failing statement stops the script.
 */
public final class ScriptRunner {
  private final TableEnvironment env;
  private final PrintStream out;

  public ScriptRunner(TableEnvironment env, PrintStream out) {
    this.env = env;
    this.out = out;
  }

  /** The final table of the script's last SELECT, or null if it has none. */
  public Result run(String script) {
    Result last = null;
    for (ScriptSplitter.StatementText text : ScriptSplitter.split(script)) {
      Statement statement = StatementParser.parse(text.sql(), text.start());
      TableResult result = env.execute(statement);
      if (statement instanceof Statement.Query) {
        ChangelogTable table = new ChangelogTable();
        try (CloseableIterator<Row> changes = result.collect()) {
          while (changes.hasNext()) {
            table.apply(changes.next());
          }
        }
        last = new Result(result.columns(), table.rows());
      } else if (statement instanceof Statement.Show || statement instanceof Statement.Describe
          || statement instanceof Statement.Explain || (statement instanceof Statement.Set s && s.key() == null)) {
        try (CloseableIterator<Row> rows = result.collect()) {
          while (rows.hasNext()) {
            Row row = rows.next();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < row.getArity(); i++) {
              sb.append(i == 0 ? "" : " | ").append(row.getField(i));
            }
            out.println(sb);
          }
        }
      }
    }
    return last;
  }

  /** A query's final table: column names and rows (unordered). */
  public record Result(List<String> columns, List<Row> rows) {}
}
