package io.eddy.nexmark.result;

/**
 * The change a row carries in a changelog (ARCHITECTURE.md section 8), as in Flink:
 * {@code +I} insert, {@code -U} update-before (retracts the old row), {@code +U} update-after,
 * {@code -D} delete. Lives here until the engine's eddy-api offers its own.
 */
public enum RowKind {
    INSERT("+I"),
    UPDATE_BEFORE("-U"),
    UPDATE_AFTER("+U"),
    DELETE("-D");

    private final String shortString;

    RowKind(String shortString) {
        this.shortString = shortString;
    }

    /** {@code +I}, {@code -U}, {@code +U} or {@code -D}. */
    public String shortString() {
        return shortString;
    }

    /** True for -U and -D: the row leaves the table. */
    public boolean isRetraction() {
        return this == UPDATE_BEFORE || this == DELETE;
    }
}
