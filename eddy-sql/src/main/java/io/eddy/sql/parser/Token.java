package io.eddy.sql.parser;

/**
 * One lexical token of a statement: its kind, its text (an identifier unquoted, a string literal
 * unescaped), its character offset in the statement and its 1-based line and column there.
 */
record Token(Kind kind, String text, int offset, int line, int column) {
  enum Kind { WORD, QUOTED_IDENTIFIER, STRING, NUMBER, SYMBOL, END }

  /** True for an unquoted word equal to {@code keyword} ignoring case. */
  boolean is(String keyword) {
    return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
  }

  boolean isSymbol(String symbol) {
    return kind == Kind.SYMBOL && text.equals(symbol);
  }

  boolean isIdentifier() {
    return kind == Kind.WORD || kind == Kind.QUOTED_IDENTIFIER;
  }

  String describe() {
    return switch (kind) {
      case END -> "end of statement";
      case STRING -> "'" + text + "'";
      case QUOTED_IDENTIFIER -> "`" + text + "`";
      default -> "\"" + text + "\"";
    };
  }
}
