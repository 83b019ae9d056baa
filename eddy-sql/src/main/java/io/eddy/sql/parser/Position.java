package io.eddy.sql.parser;

/**
 * Where a statement starts in its script (1-based line and column), so positions inside the
 * statement (from Calcite or from {@link StatementParser}) can be reported in the script's terms.
 */
public record Position(int line, int column) {
  public static final Position START = new Position(1, 1);

  /** The script position of {@code (line, column)} counted from this statement's start. */
  public Position plus(int line, int column) {
    return line == 1 ? new Position(this.line, this.column + column - 1) : new Position(this.line + line - 1, column);
  }
}
