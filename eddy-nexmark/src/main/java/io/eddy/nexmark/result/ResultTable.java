package io.eddy.nexmark.result;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A query's result as docs/nexmark.md writes it: the SELECT column names and a multiset of rows,
 * rendered as a header line and the rows' CSV lines sorted by their text ({@link String}
 * order, which is byte order for ASCII). Duplicate rows stay duplicated.
 *
 * <p>Immutable. Two tables are equal when their CSV text is equal, which is what tests
 * compare.
 */
public final class ResultTable {

    private final List<String> columns;
    private final List<Row> rows;

    public ResultTable(List<String> columns, List<Row> rows) {
        this.columns = List.copyOf(columns);
        for (Row row : rows) {
            if (row.arity() != this.columns.size()) {
                throw new IllegalArgumentException("row " + row + " has " + row.arity() + " values for "
                        + this.columns.size() + " columns " + this.columns);
            }
        }
        this.rows = List.copyOf(rows);
    }

    public List<String> columns() {
        return columns;
    }

    /** The rows in the order given (not sorted). */
    public List<Row> rows() {
        return rows;
    }

    /** Header then the sorted row lines, without line terminators. */
    public List<String> csvLines() {
        List<String> body = new ArrayList<>(rows.size());
        for (Row row : rows) {
            body.add(CsvFormat.line(row));
        }
        Collections.sort(body);
        List<String> lines = new ArrayList<>(body.size() + 1);
        lines.add(CsvFormat.header(columns));
        lines.addAll(body);
        return lines;
    }

    /** The whole CSV file content: every line ends with '\n'. */
    public String csvText() {
        StringBuilder sb = new StringBuilder();
        for (String line : csvLines()) {
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    /**
     * Writes the CSV file so that it appears complete or not at all: the text goes to a
     * temporary sibling first, which is then moved over {@code path}.
     */
    public void writeCsv(Path path) throws IOException {
        Path tmp = path.resolveSibling("." + path.getFileName() + ".inprogress");
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            for (String line : csvLines()) {
                out.write(line);
                out.write('\n');
            }
        }
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResultTable other && csvLines().equals(other.csvLines());
    }

    @Override
    public int hashCode() {
        return csvLines().hashCode();
    }

    @Override
    public String toString() {
        return csvText();
    }
}
