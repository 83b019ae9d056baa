package io.eddy.nexmark.result;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds a changelog into the final table of an updating query (docs/nexmark.md: "the changelog
 * applied"): +I and +U add one copy of the row, -U and -D remove one copy of an equal row.
 * The table is a multiset, so duplicate rows stay duplicated.
 *
 * <p>A retraction of a row that is not in the table is a bug upstream (the engine lost or
 * reordered a change): it fails with {@link IllegalStateException} naming the row, instead
 * of being ignored. Not thread-safe.
 */
public final class ChangelogApplier {

    private final List<String> columns;
    private final Map<Row, Integer> counts = new HashMap<>();
    private long changes;

    public ChangelogApplier(List<String> columns) {
        this.columns = List.copyOf(columns);
    }

    /** Applies one change. */
    public void apply(RowKind kind, Row row) {
        changes++;
        if (kind.isRetraction()) {
            Integer count = counts.get(row);
            if (count == null) {
                throw new IllegalStateException("change #" + changes + " " + kind.shortString() + " " + row
                        + " retracts a row that is not in the table");
            }
            if (count == 1) {
                counts.remove(row);
            } else {
                counts.put(row, count - 1);
            }
        } else {
            counts.merge(row, 1, Integer::sum);
        }
    }

    /** The table now: every row as many times as it is present. */
    public ResultTable table() {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<Row, Integer> e : counts.entrySet()) {
            for (int i = 0; i < e.getValue(); i++) {
                rows.add(e.getKey());
            }
        }
        return new ResultTable(columns, rows);
    }
}
