package io.eddy.cli.sql;

import io.eddy.api.types.Row;
import io.eddy.sql.codegen.Values;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints rows as Flink's SQL client prints them in tableau mode: a box of columns sized to the
 * widest value, NULL as {@code <NULL>}, and, for a changelog, an {@code op} column with the
 * change's kind (+I, -U, +U, -D).
 */
final class TablePrinter {
  private final List<String> columns;
  private final boolean withKind;
  private final int[] widths;

  /** Widths come from the header and the given rows (for a live changelog, pass none: the header sets them). */
  TablePrinter(List<String> columns, List<Row> rows, boolean withKind) {
    this.columns = columns;
    this.withKind = withKind;
    this.widths = new int[columns.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = Math.max(columns.get(i).length(), withKind ? 20 : 1);
    }
    for (Row row : rows) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], text(row.getField(i)).length());
      }
    }
  }

  static String text(Object v) {
    return v == null ? "<NULL>" : Values.text(v);
  }

  void border(PrintWriter out) {
    StringBuilder sb = new StringBuilder("+");
    if (withKind) {
      sb.append("----+");
    }
    for (int w : widths) {
      sb.append("-".repeat(w + 2)).append('+');
    }
    out.println(sb);
  }

  void header(PrintWriter out) {
    border(out);
    List<String> cells = new ArrayList<>(columns);
    line(out, withKind ? "op" : null, cells);
    border(out);
  }

  void row(PrintWriter out, Row row) {
    List<String> cells = new ArrayList<>();
    for (int i = 0; i < widths.length; i++) {
      cells.add(text(row.getField(i)));
    }
    line(out, withKind ? row.getKind().shortString() : null, cells);
  }

  /** A whole table with its row count, as the client prints a bounded result. */
  void table(PrintWriter out, List<Row> rows) {
    if (rows.isEmpty()) {
      out.println("Empty set");
      return;
    }
    header(out);
    for (Row row : rows) {
      row(out, row);
    }
    border(out);
    out.println(rows.size() + (rows.size() == 1 ? " row" : " rows") + " in set");
  }

  private void line(PrintWriter out, String kind, List<String> cells) {
    StringBuilder sb = new StringBuilder("|");
    if (kind != null) {
      sb.append(' ').append(String.format("%2s", kind)).append(" |");
    }
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      if (c.length() > widths[i]) {
        c = c.substring(0, Math.max(0, widths[i] - 3)) + "...";
      }
      sb.append(' ').append(String.format("%" + widths[i] + "s", c)).append(" |");
    }
    out.println(sb);
  }
}
