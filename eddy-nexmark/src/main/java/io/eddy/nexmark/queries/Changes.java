package io.eddy.nexmark.queries;

import io.eddy.api.functions.Collector;
import io.eddy.nexmark.result.Row;
import io.eddy.nexmark.result.RowKind;

/**
 * The changelog step of an updating result whose row for a key changes from {@code before}
 * to {@code after}: +I for a new row, -U/+U for a changed one, nothing if it is unchanged.
 * Shared by every updating query so that they all emit the same shape.
 */
final class Changes {

    private Changes() {
    }

    /** REQUIRES: after != null. {@code before} null means the key had no row yet. */
    static void update(Row before, Row after, Collector<Change> out) {
        if (before == null) {
            out.collect(Change.insert(after));
        } else if (!before.equals(after)) {
            replace(before, after, out);
        }
    }

    /** {@link #update} where the caller knows the rows differ: -U/+U without comparing them. */
    static void replace(Row before, Row after, Collector<Change> out) {
        out.collect(new Change(RowKind.UPDATE_BEFORE, before));
        out.collect(new Change(RowKind.UPDATE_AFTER, after));
    }
}
