package io.eddy.cli.sql;

import io.eddy.api.datastream.CloseableIterator;
import io.eddy.api.types.Row;
import io.eddy.sql.TableEnvironment;
import io.eddy.sql.TableResult;
import io.eddy.sql.parser.ScriptSplitter;
import io.eddy.sql.parser.Statement;
import io.eddy.sql.parser.StatementParser;
import io.eddy.sql.result.ChangelogTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * The interactive SQL client ({@code eddy sql} without {@code -f}), after Flink's SQL client:
 * JLine line editing and a history file, statements that may span lines and end with ';', SQL
 * errors shown with their line and column without leaving the shell. A query's result shows
 * per {@code SET 'sql-client.execution.result-mode'}: 'table' (default) prints the final table
 * once the query ends, 'changelog' prints each change as it comes with its kind (+I, -U, +U,
 * -D). Ctrl-C cancels a running query (what arrived so far is shown); Ctrl-D or QUIT leaves.
 * One shell per terminal; not thread-safe.
 */
public final class SqlShell {
  static final String RESULT_MODE = "sql-client.execution.result-mode";

  private final TableEnvironment env;
  private final Terminal terminal;
  private final LineReader reader;
  private final PrintWriter out;
  private boolean changelogMode;

  public SqlShell(TableEnvironment env, Terminal terminal, Path historyFile) {
    this.env = env;
    this.terminal = terminal;
    LineReaderBuilder builder = LineReaderBuilder.builder().terminal(terminal).appName("eddy-sql");
    if (historyFile != null) {
      builder.variable(LineReader.HISTORY_FILE, historyFile);
    }
    this.reader = builder.build();
    this.out = terminal.writer();
  }

  /** Reads and runs statements until QUIT, EXIT or the end of input. */
  public void run() {
    out.println("Eddy SQL shell (Flink's dialect). End statements with ';'. HELP; lists commands, QUIT; leaves.");
    StringBuilder buffer = new StringBuilder();
    while (true) {
      String line;
      try {
        line = reader.readLine(buffer.isEmpty() ? "Eddy SQL> " : "> ");
      } catch (UserInterruptException e) {
        buffer.setLength(0);
        continue;
      } catch (EndOfFileException e) {
        break;
      }
      buffer.append(line).append('\n');
      if (!endsStatement(buffer)) {
        continue;
      }
      String text = buffer.toString();
      buffer.setLength(0);
      if (!runAll(text)) {
        break;
      }
      out.flush();
    }
    out.println("Goodbye!");
    out.flush();
  }

  /** Whether the text holds complete statements: its last non-blank character is a ';' outside quotes and comments. */
  static boolean endsStatement(CharSequence text) {
    List<ScriptSplitter.StatementText> parts;
    String s = text.toString().strip();
    if (!s.endsWith(";")) {
      return false;
    }
    parts = ScriptSplitter.split(s + "\nSELECT 1");
    return !parts.isEmpty() && parts.get(parts.size() - 1).sql().strip().equals("SELECT 1");
  }

  /** Runs the statements of {@code text}; false when one of them asks to leave. */
  private boolean runAll(String text) {
    for (ScriptSplitter.StatementText part : ScriptSplitter.split(text)) {
      String sql = part.sql().strip();
      String word = sql.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
      if (word.equals("QUIT") || word.equals("EXIT")) {
        return false;
      }
      if (word.equals("HELP")) {
        help();
        continue;
      }
      if (word.equals("CLEAR")) {
        terminal.puts(org.jline.utils.InfoCmp.Capability.clear_screen);
        continue;
      }
      try {
        execute(StatementParser.parse(part.sql(), part.start()));
      } catch (RuntimeException e) {
        out.println("[ERROR] " + message(e));
        out.flush();
        break; // the rest of a multi-statement line would run without what failed
      }
    }
    return true;
  }

  private static String message(Throwable e) {
    String m = e.getMessage();
    while (m == null && e.getCause() != null) {
      e = e.getCause();
      m = e.getMessage();
    }
    return m == null ? e.toString() : m;
  }

  private void execute(Statement statement) {
    if (statement instanceof Statement.Set s && RESULT_MODE.equals(s.key())) {
      String mode = s.value().toLowerCase(Locale.ROOT);
      if (!mode.equals("table") && !mode.equals("changelog") && !mode.equals("tableau")) {
        throw new IllegalArgumentException("'" + RESULT_MODE + "' is 'table', 'tableau' or 'changelog', not '" + s.value() + "'");
      }
      changelogMode = mode.equals("changelog");
      out.println("[INFO] Session property has been set.");
      return;
    }
    TableResult result = env.execute(statement);
    switch (statement) {
      case Statement.Query q -> query(result);
      case Statement.Show s -> rows(result);
      case Statement.Describe d -> rows(result);
      case Statement.Set s when s.key() == null -> rows(result);
      case Statement.Explain e -> {
        try (CloseableIterator<Row> rows = result.collect()) {
          rows.forEachRemaining(r -> out.println(r.getField(0)));
        }
      }
      case Statement.Set s -> out.println("[INFO] Session property has been set.");
      case Statement.Reset r -> out.println("[INFO] Session property has been reset.");
      case Statement.Insert i -> out.println("[INFO] Insert statement finished.");
      default -> out.println("[INFO] Execute statement succeeded.");
    }
  }

  private void rows(TableResult result) {
    List<Row> rows = new ArrayList<>();
    try (CloseableIterator<Row> it = result.collect()) {
      it.forEachRemaining(rows::add);
    }
    new TablePrinter(result.columns(), rows, false).table(out, rows);
  }

  /** Shows a running query; Ctrl-C closes its result, which cancels the job. */
  private void query(TableResult result) {
    AtomicBoolean cancelled = new AtomicBoolean();
    CloseableIterator<Row> changes = result.collect();
    Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> {
      cancelled.set(true);
      changes.close();
    });
    ChangelogTable table = new ChangelogTable();
    TablePrinter live = new TablePrinter(result.columns(), List.of(), true);
    long count = 0;
    try {
      if (changelogMode) {
        live.header(out);
      }
      while (changes.hasNext()) {
        Row change = changes.next();
        count++;
        if (changelogMode) {
          live.row(out, change);
          out.flush();
        } else {
          table.apply(change);
        }
      }
    } catch (RuntimeException e) {
      if (!cancelled.get()) {
        throw e;
      }
    } finally {
      terminal.handle(Terminal.Signal.INT, previous);
      changes.close();
    }
    if (changelogMode) {
      live.border(out);
      out.println("Received a total of " + count + (count == 1 ? " row" : " rows"));
    } else {
      List<Row> rows = table.rows();
      rows.sort(java.util.Comparator.comparing(Row::toString));
      new TablePrinter(result.columns(), rows, false).table(out, rows);
    }
    if (cancelled.get()) {
      out.println("[INFO] Query cancelled.");
    }
  }

  private void help() {
    out.println("""
        Statements (end each with ';'):
          CREATE [TEMPORARY] TABLE | VIEW | FUNCTION ...   DROP TABLE | VIEW | FUNCTION ...
          SELECT ... | INSERT INTO ... | EXPLAIN ...        DESCRIBE t | SHOW TABLES | VIEWS | FUNCTIONS | MODULES | JARS
          SET 'key' = 'value' | SET | RESET ['key']         ADD JAR '<path>.jar'
          SET 'sql-client.execution.result-mode' = 'table' | 'changelog'
        Shell: HELP; CLEAR; QUIT; (or Ctrl-D). Ctrl-C cancels a running query. History: up/down, Ctrl-R.""");
  }
}
