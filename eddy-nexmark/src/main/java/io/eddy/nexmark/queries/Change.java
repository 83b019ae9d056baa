package io.eddy.nexmark.queries;

import io.eddy.nexmark.result.Row;
import io.eddy.nexmark.result.RowKind;

import java.io.Serializable;
import java.util.Objects;

/**
 * One element of a query's changelog: a result row and what happens to it (+I, -U, +U, -D).
 * Append-only queries emit inserts only; {@link io.eddy.nexmark.result.ChangelogApplier} folds
 * a changelog into the final table. Immutable and serializable, so it can cross tasks and sit
 * in sinks.
 */
public record Change(RowKind kind, Row row) implements Serializable {

    public Change {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(row, "row");
    }

    public static Change insert(Row row) {
        return new Change(RowKind.INSERT, row);
    }

    @Override
    public String toString() {
        return kind.shortString() + " " + row;
    }
}
