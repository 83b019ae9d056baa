package io.eddy.sql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A SQL golden file (src/test/resources/sql/*.golden, also read by benchmarks/flink-sql): lines
 * {@code table NAME (columns)} followed by its rows as CSV (an empty field is NULL) up to a blank
 * line, then cases: {@code case NAME}, the query, {@code ----}, the expected table as Eddy's CSV
 * result (header, sorted rows) up to a blank line. {@code ddl STATEMENT} lines are run as they are
 * (e.g. sink tables); an {@code EXPLAIN} case expects the plan's operators with their changelog
 * modes (see SqlGoldenTest). {@code #} lines are comments.
 */
record SqlGoldenFile(List<Table> tables, List<String> ddl, List<Case> cases) {
  record Table(String name, String columns, List<String> rows) {}

  record Case(String name, String query, List<String> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static SqlGoldenFile read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    List<Table> tables = new ArrayList<>();
    List<Case> cases = new ArrayList<>();
    List<String> ddl = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i++);
      if (line.startsWith("table ")) {
        int open = line.indexOf('(');
        List<String> rows = new ArrayList<>();
        while (i < lines.size() && !lines.get(i).isBlank()) {
          rows.add(lines.get(i++));
        }
        tables.add(new Table(line.substring(6, open).strip(), line.substring(open + 1, line.lastIndexOf(')')), rows));
      } else if (line.startsWith("ddl ")) {
        ddl.add(line.substring(4));
      } else if (line.startsWith("case ")) {
        StringBuilder query = new StringBuilder();
        while (!lines.get(i).equals("----")) {
          query.append(lines.get(i++)).append('\n');
        }
        i++;
        List<String> expected = new ArrayList<>();
        while (i < lines.size() && !lines.get(i).isBlank()) {
          expected.add(lines.get(i++));
        }
        cases.add(new Case(line.substring(5).strip(), query.toString().strip(), expected));
      }
    }
    return new SqlGoldenFile(tables, ddl, cases);
  }

  /** The script creating the tables from CSV files written into {@code dir}, then running {@code query}. */
  String script(Path dir, String query) throws IOException {
    StringBuilder script = new StringBuilder();
    for (Table t : tables) {
      Path rows = dir.resolve(t.name() + ".csv");
      Files.write(rows, t.rows());
      script.append("CREATE TABLE ").append(t.name()).append(" (").append(t.columns())
          .append(") WITH ('connector' = 'filesystem', 'path' = '").append(rows)
          .append("', 'format' = 'csv', 'csv.null-literal' = '');\n");
    }
    for (String statement : ddl) {
      script.append(statement).append(";\n");
    }
    return script.append(query).append(";\n").toString();
  }
}
