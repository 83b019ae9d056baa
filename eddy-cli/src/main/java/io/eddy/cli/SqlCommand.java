package io.eddy.cli;

import io.eddy.api.config.Configuration;
import io.eddy.cli.sql.SqlShell;
import io.eddy.sql.ScriptRunner;
import io.eddy.sql.TableEnvironment;
import io.eddy.sql.result.CsvResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code eddy sql -f script.sql [--output FILE.csv] [-D key=value ...]}: runs the statements of a
 * Flink-dialect SQL script; the final table of its last SELECT (changelog applied) goes to the
 * CSV file, sorted and written atomically, or to standard output. {@code eddy sql} without
 * {@code -f} starts the interactive {@link SqlShell}.
 */
@Command(name = "sql", mixinStandardHelpOptions = true,
    description = "Runs a SQL script (Flink's dialect) and writes the result of its last SELECT; without -f, "
        + "an interactive SQL shell.")
final class SqlCommand implements Callable<Integer> {
  @Option(names = {"-f", "--file"}, description = "the SQL script to run (without it: the interactive shell)")
  Path script;

  @Option(names = "--output", description = "write the last SELECT's final table here as sorted CSV")
  Path output;

  @Option(names = "-D", description = "configuration key=value (e.g. parallelism.default=2)")
  Map<String, String> properties = new LinkedHashMap<>();

  @Override
  public Integer call() throws Exception {
    TableEnvironment env = TableEnvironment.create(new Configuration(properties));
    if (script == null) {
      try (Terminal terminal = TerminalBuilder.builder().name("eddy sql").system(true).build()) {
        new SqlShell(env, terminal, Path.of(System.getProperty("user.home"), ".eddy-sql-history")).run();
      }
      return 0;
    }
    ScriptRunner.Result result = new ScriptRunner(env, System.out).run(Files.readString(script, StandardCharsets.UTF_8));
    if (result == null) {
      return 0;
    }
    if (output != null) {
      CsvResult.write(output, result.columns(), result.rows());
    } else {
      CsvResult.lines(result.columns(), result.rows()).forEach(System.out::println);
    }
    return 0;
  }
}
