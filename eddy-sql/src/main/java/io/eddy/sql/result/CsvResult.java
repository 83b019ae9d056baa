package io.eddy.sql.result;

import io.eddy.api.types.Row;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A result table as CSV, the format `eddy sql --output` and `eddy nexmark --output` share: a
 * header of column names, then one line per row sorted by its text; fields quoted per RFC 4180
 * only when they hold ',', '"', CR or LF; integers plain, DECIMAL and DOUBLE in plain decimal
 * without exponent, timestamps {@code yyyy-MM-dd HH:mm:ss.SSS}, dates {@code yyyy-MM-dd}, NULL
 * empty. Written to a hidden temporary file and moved into place, so the file appears whole or
 * not at all.
 */
public final class CsvResult {
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

  private CsvResult() {}

  public static List<String> lines(List<String> columns, List<Row> rows) {
    List<String> body = new ArrayList<>(rows.size());
    for (Row row : rows) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < row.getArity(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        sb.append(quote(value(row.getField(i))));
      }
      body.add(sb.toString());
    }
    Collections.sort(body);
    List<String> lines = new ArrayList<>(body.size() + 1);
    List<String> header = new ArrayList<>();
    for (String c : columns) {
      header.add(quote(c));
    }
    lines.add(String.join(",", header));
    lines.addAll(body);
    return lines;
  }

  public static void write(Path path, List<String> columns, List<Row> rows) throws IOException {
    Path tmp = path.toAbsolutePath().resolveSibling("." + path.getFileName() + ".inprogress");
    try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      for (String line : lines(columns, rows)) {
        out.write(line);
        out.write('\n');
      }
    }
    Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  static String value(Object v) {
    return switch (v) {
      case null -> "";
      case BigDecimal d -> d.toPlainString();
      case Double d -> BigDecimal.valueOf(d).toPlainString();
      case Float f -> new BigDecimal(Float.toString(f)).toPlainString();
      case Boolean b -> b ? "TRUE" : "FALSE";
      case LocalDateTime t -> TIMESTAMP.format(t);
      case LocalDate d -> d.toString();
      default -> v.toString();
    };
  }

  static String quote(String field) {
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return '"' + field.replace("\"", "\"\"") + '"';
      }
    }
    return field;
  }
}
