package io.eddy.sql.parser;

/**
 * A statement that does not parse or validate: the message names the line and column (1-based,
 * in the script or statement the user wrote) and what was expected or what is wrong.
 */
public final class SqlParseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;

  public SqlParseException(int line, int column, String message) {
    super("line " + line + ", column " + column + ": " + message);
    this.line = line;
    this.column = column;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }
}
