package io.eddy.benchmarks.flinksql;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.ExplainDetail;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.CloseableIterator;

/**
 * Runs every case of Eddy's SQL golden files on Flink 2.3 (streaming mode, parallelism 1, each
 * {@code table} from a CSV file whose empty fields are NULL) and prints each file again with the expected blocks replaced by
 * Flink's result: the query's changelog applied to a multiset of rows, then rendered in Eddy's
 * CSV format (sorted, timestamps yyyy-MM-dd HH:mm:ss.SSS, decimals plain, NULL empty). A case
 * Flink refuses gets "! " and the first line of Flink's message instead of a table. A {@code ddl}
 * line is a statement run as it is (e.g. a sink table); an {@code EXPLAIN} case gets the operators
 * of Flink's optimized physical plan with their changelog modes ({@link #changelogModes}).
 *
 * <p>Usage: Main OUTPUT_DIR GOLDEN_FILE...
 */
public final class Main {
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

  public static void main(String[] args) throws Exception {
    Path outDir = Path.of(args[0]);
    Files.createDirectories(outDir);
    for (int a = 1; a < args.length; a++) {
      Path file = Path.of(args[a]);
      Files.write(outDir.resolve(file.getFileName()), rewrite(file, outDir));
    }
  }

  /** The file's lines with each case's expected block replaced by Flink's output. */
  private static List<String> rewrite(Path file, Path work) throws Exception {
    List<String> lines = Files.readAllLines(file);
    List<String> out = new ArrayList<>();
    List<String> ddl = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i++);
      out.add(line);
      if (line.startsWith("table ")) {
        int open = line.indexOf('(');
        String table = line.substring(6, open).strip();
        Path data = work.resolve(file.getFileName() + "." + table + ".csv");
        List<String> rows = new ArrayList<>();
        while (i < lines.size() && !lines.get(i).isBlank()) {
          rows.add(lines.get(i));
          out.add(lines.get(i++));
        }
        Files.write(data, rows);
        ddl.add("CREATE TABLE " + table + " (" + line.substring(open + 1, line.lastIndexOf(')'))
            + ") WITH ('connector' = 'filesystem', 'path' = '" + data + "', 'format' = 'csv', 'csv.null-literal' = '')");
      } else if (line.startsWith("ddl ")) {
        ddl.add(line.substring(4));
      } else if (line.startsWith("case ")) {
        StringBuilder query = new StringBuilder();
        while (!lines.get(i).equals("----")) {
          query.append(lines.get(i)).append('\n');
          out.add(lines.get(i++));
        }
        out.add(lines.get(i++));
        while (i < lines.size() && !lines.get(i).isBlank()) {
          i++;
        }
        out.addAll(run(ddl, query.toString().strip()));
      }
    }
    return out;
  }

  private static List<String> run(List<String> ddl, String query) {
    TableEnvironment env = TableEnvironment.create(EnvironmentSettings.newInstance().inStreamingMode().build());
    env.getConfig().set("parallelism.default", "1");
    // A watermark after every row that advances it (Flink's WatermarkAssignerOperator with interval
    // 0), not every 200 ms of wall-clock time: late rows are then late whatever the machine's speed,
    // as Eddy's RowtimeWatermarks decides them.
    env.getConfig().set("pipeline.auto-watermark-interval", "0");
    // Aggregations in one phase, as Eddy runs them: Flink's default splits a window aggregation
    // into Local/Global operators, which changes the plans EXPLAIN cases compare, not the results.
    env.getConfig().set("table.optimizer.agg-phase-strategy", "ONE_PHASE");
    for (String statement : ddl) {
      env.executeSql(statement);
    }
    try {
      if (query.startsWith("EXPLAIN ")) {
        String plan = env.explainSql(query.substring("EXPLAIN ".length()), ExplainDetail.CHANGELOG_MODE);
        int from = plan.indexOf("== Optimized Physical Plan ==");
        return changelogModes(plan.substring(from, plan.indexOf("== Optimized Execution Plan ==")));
      }
      TableResult result = env.executeSql(query);
      Map<String, Integer> table = new HashMap<>();
      try (CloseableIterator<Row> it = result.collect()) {
        while (it.hasNext()) {
          Row row = it.next();
          List<String> fields = new ArrayList<>();
          for (int f = 0; f < row.getArity(); f++) {
            fields.add(quote(value(row.getField(f))));
          }
          boolean retract = row.getKind() == RowKind.UPDATE_BEFORE || row.getKind() == RowKind.DELETE;
          table.merge(String.join(",", fields), retract ? -1 : 1, (a, b) -> a + b == 0 ? null : a + b);
        }
      }
      List<String> body = new ArrayList<>();
      table.forEach((row, n) -> {
        for (int c = 0; c < n; c++) {
          body.add(row);
        }
      });
      body.sort(null);
      List<String> out = new ArrayList<>();
      out.add(String.join(",", result.getResolvedSchema().getColumnNames()));
      out.addAll(body);
      return out;
    } catch (Exception e) {
      Throwable t = e;
      while (t.getCause() != null && t.getMessage() == null) {
        t = t.getCause();
      }
      return List.of("! " + String.valueOf(t.getMessage()).lines().findFirst().orElse(""));
    }
  }

  /**
   * The operators of a plan printed with changelog modes, top-down, one {@code Name [modes]} line
   * each (plus {@code upsertMaterialize} for a sink that has it), leaving out the nodes whose mode
   * is their input's and that Eddy's plans place differently (Exchange, Calc, WatermarkAssigner,
   * MiniBatchAssigner). The same rule is in Eddy's SqlGoldenTest.
   */
  static List<String> changelogModes(String plan) {
    List<String> out = new ArrayList<>();
    java.util.regex.Pattern node = java.util.regex.Pattern.compile("^[ +\\-:|]*(\\w+)\\(.*changelogMode=\\[([^\\]]*)\\]");
    for (String line : plan.lines().toList()) {
      java.util.regex.Matcher m = node.matcher(line);
      if (m.find() && !List.of("Exchange", "Calc", "WatermarkAssigner", "MiniBatchAssigner").contains(m.group(1))) {
        out.add(m.group(1) + " [" + m.group(2) + "]" + (line.contains("upsertMaterialize=[true]") ? " upsertMaterialize" : ""));
      }
    }
    return out;
  }

  private static String value(Object v) {
    return switch (v) {
      case null -> "";
      case BigDecimal d -> d.toPlainString();
      case Double d -> BigDecimal.valueOf(d).toPlainString();
      case Float f -> new BigDecimal(Float.toString(f)).toPlainString();
      case Boolean b -> b ? "TRUE" : "FALSE";
      case LocalDateTime t -> TIMESTAMP.format(t);
      default -> v.toString();
    };
  }

  private static String quote(String field) {
    boolean plain = field.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
    return plain ? field : '"' + field.replace("\"", "\"\"") + '"';
  }
}
