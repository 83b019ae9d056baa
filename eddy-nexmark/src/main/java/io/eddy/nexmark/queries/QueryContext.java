package io.eddy.nexmark.queries;

import java.io.Serializable;
import java.nio.file.Path;

/**
 * What a query may need besides its events: q13's side input file (null: the standard rows
 * (i, 'i') for i in [0, 10000)) and q10's output folder (null: q10 only returns its rows).
 * Paths are kept as text so that functions holding the context stay serializable.
 */
public record QueryContext(String sideInputFile, String q10OutputDir) implements Serializable {

    /** No side-input file, no q10 files. */
    public static QueryContext defaults() {
        return new QueryContext(null, null);
    }

    public static QueryContext of(Path sideInput, Path q10OutputDir) {
        return new QueryContext(sideInput == null ? null : sideInput.toString(),
                q10OutputDir == null ? null : q10OutputDir.toString());
    }
}
