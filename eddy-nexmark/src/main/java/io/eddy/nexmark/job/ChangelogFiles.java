package io.eddy.nexmark.job;

import io.eddy.connectors.file.FileSink;
import io.eddy.nexmark.queries.Change;
import io.eddy.nexmark.result.CsvFormat;
import io.eddy.nexmark.result.ResultTable;
import io.eddy.nexmark.result.Row;
import io.eddy.nexmark.result.RowKind;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A query's committed changelog as durable files, so that the result table outlives the
 * process that computed it: the job writes its changes through the exactly-once
 * {@link FileSink} into one folder, where a part file becomes visible only when its checkpoint
 * completes (or, at the end of the input, when the job has finished); after any number of
 * crashes and resumes, at any parallelism, the visible part files hold every change exactly
 * once. {@link #fold} rebuilds the final table from all of them.
 *
 * <p>Part files ({@code part-*.changes}, UTF-8) hold one change per line:
 * {@code <+I|-U|+U|-D>,<the row's CSV line>}, with {@code \}, CR and LF inside escaped as
 * {@code \\}, {@code \r}, {@code \n} so that a line is a change. The folder also holds the
 * marker {@value #MARKER}, written when a run starts afresh; a resume needs it, or the changes
 * before the resumed checkpoint would be missing from the table.
 *
 * <p>Folding sums, per row, +1 for +I/+U and -1 for -U/-D, so it does not depend on the order
 * of the files (a rescaled resume moves keys between subtasks, hence between files); a row
 * whose sum ends negative was retracted more often than inserted, an engine bug, and fails.
 * Stateless; the folder is owned by one run at a time.
 */
final class ChangelogFiles {

    static final String MARKER = ".eddy-changelog";
    private static final String EXTENSION = "changes";

    private ChangelogFiles() {
    }

    /** The sink that writes the changelog into {@code dir}. */
    static FileSink<Change> sink(Path dir) {
        return FileSink.lines(dir, EXTENSION, ChangelogFiles::encode);
    }

    /**
     * Readies {@code dir} for a run: a fresh run empties it and writes the marker; a resume keeps
     * what the earlier run committed.
     *
     * @param checkpointsExist whether the run being resumed completed a checkpoint (if not, it
     *                         committed nothing yet, so a missing marker loses nothing)
     * @throws IllegalStateException if a resume finds no changelog of the run it resumes
     */
    static void prepare(Path dir, boolean resume, boolean checkpointsExist) throws IOException {
        Path marker = dir.resolve(MARKER);
        if (resume && Files.exists(marker)) {
            return;
        }
        if (resume && checkpointsExist) {
            throw new IllegalStateException("Cannot rebuild the result table on resume: " + dir
                    + " holds no changelog of the run being resumed (it ran without an output, or with"
                    + " another state folder)");
        }
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.createFile(marker);
    }

    /** The table of every committed change in {@code dir}, and how many changes there were. */
    static Folded fold(Path dir, List<String> columns) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        long changes = 0;
        for (Path part : parts(dir)) {
            try (BufferedReader in = Files.newBufferedReader(part, StandardCharsets.UTF_8)) {
                int lineNumber = 0;
                for (String line; (line = in.readLine()) != null; ) {
                    lineNumber++;
                    String change = unescape(line);
                    if (change.length() < 3 || change.charAt(2) != ',') {
                        throw new IOException(part + ":" + lineNumber + ": not a change line: " + line);
                    }
                    int sign = kind(change.substring(0, 2), part, lineNumber).isRetraction() ? -1 : 1;
                    counts.merge(change.substring(3), sign, Integer::sum);
                    changes++;
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() < 0) {
                throw new IllegalStateException("row " + e.getKey() + " was retracted " + -e.getValue()
                        + " more times than inserted in the committed changelog " + dir);
            }
            Row row = Row.of(CsvFormat.fields(e.getKey()).toArray());
            for (int i = 0; i < e.getValue(); i++) {
                rows.add(row);
            }
        }
        return new Folded(new ResultTable(columns, rows), changes);
    }

    /** The final table and the number of committed changes it folds. */
    record Folded(ResultTable table, long changes) {
    }

    private static List<Path> parts(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith("part-") && name.endsWith("." + EXTENSION);
            }).sorted().toList();
        }
    }

    private static RowKind kind(String text, Path part, int line) throws IOException {
        for (RowKind kind : RowKind.values()) {
            if (kind.shortString().equals(text)) {
                return kind;
            }
        }
        throw new IOException(part + ":" + line + ": unknown change kind '" + text + "'");
    }

    static String encode(Change change) {
        String text = change.kind().shortString() + "," + CsvFormat.line(change.row());
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String unescape(String line) {
        if (line.indexOf('\\') < 0) {
            return line;
        }
        StringBuilder sb = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                char next = line.charAt(++i);
                sb.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
