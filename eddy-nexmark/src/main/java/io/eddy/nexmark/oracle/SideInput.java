package io.eddy.nexmark.oracle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * q13's side input table {@code side_input(key BIGINT, value VARCHAR)}: by default the rows
 * (i, 'i') for i in [0, 10000); or the rows of a {@code key,value} CSV file. A multimap, since
 * a file may repeat a key (the join then yields one row per match). Immutable.
 */
public final class SideInput {

    private final Map<Long, List<String>> values;

    private SideInput(Map<Long, List<String>> values) {
        this.values = values;
    }

    /** The default side input: (i, "i") for i in [0, 10000). */
    public static SideInput standard() {
        Map<Long, List<String>> values = new HashMap<>();
        for (long i = 0; i < 10_000; i++) {
            values.put(i, List.of(Long.toString(i)));
        }
        return new SideInput(values);
    }

    /** The given rows, key -> value. */
    public static SideInput of(Map<Long, String> rows) {
        Map<Long, List<String>> values = new HashMap<>();
        rows.forEach((k, v) -> values.put(k, List.of(v)));
        return new SideInput(values);
    }

    /**
     * Reads {@code key,value} lines (the value is the rest of the line after the first comma,
     * unquoted). Blank lines are skipped.
     *
     * @throws IllegalArgumentException naming file:line for a line without a numeric key
     */
    public static SideInput readCsv(Path file) throws IOException {
        Map<Long, List<String>> values = new HashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank()) {
                continue;
            }
            int comma = line.indexOf(',');
            try {
                long key = Long.parseLong(line.substring(0, comma < 0 ? line.length() : comma).trim());
                values.computeIfAbsent(key, k -> new ArrayList<>()).add(comma < 0 ? null : line.substring(comma + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + ":" + (n + 1) + ": side input key is not a BIGINT: " + line);
            }
        }
        return new SideInput(values);
    }

    /** Calls {@code row} with every (key, value) row, in no particular order. */
    public void forEachRow(java.util.function.BiConsumer<Long, String> row) {
        values.forEach((key, list) -> list.forEach(value -> row.accept(key, value)));
    }

    /** The values joined to this key (empty if none). */
    public List<String> valuesOf(long key) {
        return values.getOrDefault(key, Collections.emptyList());
    }
}
