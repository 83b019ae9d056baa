package io.eddy.cli;

import io.eddy.api.config.Configuration;
import io.eddy.sql.ScriptRunner;
import io.eddy.sql.TableEnvironment;
import io.eddy.sql.result.CsvResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code eddy sql -f script.sql [--output FILE.csv] [-D key=value ...]}: runs the statements of a
 * Flink-dialect SQL script; the final table of its last SELECT (changelog applied) goes to the
 * CSV file, sorted and written atomically, or to standard output.
 */
@Command(name = "sql", mixinStandardHelpOptions = true,
    description = "Runs a SQL script (Flink's dialect) and writes the result of its last SELECT.")
final class SqlCommand implements Callable<Integer> {
  @Option(names = {"-f", "--file"}, required = true, description = "the SQL script to run")
  Path script;

  @Option(names = "--output", description = "write the last SELECT's final table here as sorted CSV")
  Path output;

  @Option(names = "-D", description = "configuration key=value (e.g. parallelism.default=2)")
  Map<String, String> properties = new LinkedHashMap<>();

  @Override
  public Integer call() throws Exception {
    TableEnvironment env = TableEnvironment.create(new Configuration(properties));
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
