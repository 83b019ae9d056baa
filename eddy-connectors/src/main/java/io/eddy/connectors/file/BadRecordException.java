package io.eddy.connectors.file;

/**
 * A line of an input file that could not be turned into a record. Its message is
 * {@code <file>:<line>: <reason>}, the same text a source configured with
 * {@code skipBadRecords()} reports for each line it skips, so a bad record is never lost
 * without a trace. Immutable.
 */
public final class BadRecordException extends Exception {
  private final String file;
  private final long lineNumber;
  private final String reason;

  public BadRecordException(String file, long lineNumber, String reason, Throwable cause) {
    super(file + ":" + lineNumber + ": " + reason, cause);
    this.file = file;
    this.lineNumber = lineNumber;
    this.reason = reason;
  }

  public String file() {
    return file;
  }

  /** The 1-based line on which the bad record starts. */
  public long lineNumber() {
    return lineNumber;
  }

  public String reason() {
    return reason;
  }
}
