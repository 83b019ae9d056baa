package io.eddy.nexmark.json;

/**
 * A line of a JSON-lines input that is not a valid event (docs/nexmark.md): not JSON, an unknown
 * {@code event_type}, a missing or mistyped required field, or the wrong object non-null.
 * The message is {@code file:line: reason}, so the user can open the line.
 *
 * <p>Unchecked, so it can travel through source operators that do not declare exceptions.
 */
public final class BadRecordException extends RuntimeException {

    private final String file;
    private final long line;
    private final String reason;

    public BadRecordException(String file, long line, String reason) {
        super(file + ":" + line + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    /** The name of the input, as given to the reader. */
    public String file() {
        return file;
    }

    /** 1-based line number. */
    public long line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
