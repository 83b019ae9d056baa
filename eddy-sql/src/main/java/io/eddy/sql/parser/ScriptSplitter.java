package io.eddy.sql.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL script into statements at the semicolons that are outside string literals
 * ('...'), quoted identifiers (`...`, "...") and comments (-- to end of line, /* ... *&#47;).
 * Statements that hold only whitespace and comments are dropped. Each keeps its start
 * {@link Position} in the script, so errors name script lines.
 */
public final class ScriptSplitter {
  private ScriptSplitter() {}

  /** One statement's text (without the semicolon) and where it starts. */
  public record StatementText(String sql, Position start) {}

  public static List<StatementText> split(String script) {
    List<StatementText> out = new ArrayList<>();
    int line = 1;
    int col = 1;
    int start = 0;
    int startLine = 1;
    int startCol = 1;
    boolean content = false;
    int i = 0;
    int n = script.length();
    while (i < n) {
      char c = script.charAt(i);
      if (!content && Character.isWhitespace(c)) {
        // Leading whitespace belongs to no statement: the statement starts at its first token.
        if (c == '\n') {
          line++;
          col = 1;
        } else {
          col++;
        }
        i++;
        start = i;
        startLine = line;
        startCol = col;
        continue;
      }
      int end = skip(script, i);
      if (end > i + 1 || c == '\'' || c == '`' || c == '"') {
        boolean comment = c == '-' || c == '/';
        if (!content && comment) {
          for (int k = i; k < end; k++) {
            if (script.charAt(k) == '\n') {
              line++;
              col = 1;
            } else {
              col++;
            }
          }
          i = end;
          start = i;
          startLine = line;
          startCol = col;
          continue;
        }
        content = true;
        for (int k = i; k < end; k++) {
          if (script.charAt(k) == '\n') {
            line++;
            col = 1;
          } else {
            col++;
          }
        }
        i = end;
        continue;
      }
      if (c == ';') {
        if (content) {
          out.add(new StatementText(script.substring(start, i), new Position(startLine, startCol)));
        }
        content = false;
        col++;
        i++;
        start = i;
        startLine = line;
        startCol = col;
        continue;
      }
      content = true;
      if (c == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
      i++;
    }
    if (content && !script.substring(start).isBlank()) {
      out.add(new StatementText(script.substring(start), new Position(startLine, startCol)));
    }
    return out;
  }

  /**
   * The end (exclusive) of the quoted literal or comment starting at {@code i}, or i + 1 when
   * none starts there. An unterminated one runs to the end of the script.
   */
  static int skip(String s, int i) {
    char c = s.charAt(i);
    int n = s.length();
    if (c == '\'' || c == '`' || c == '"') {
      int j = i + 1;
      while (j < n) {
        if (s.charAt(j) == c) {
          if (j + 1 < n && s.charAt(j + 1) == c) {
            j += 2;
            continue;
          }
          return j + 1;
        }
        j++;
      }
      return n;
    }
    if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
      int j = s.indexOf('\n', i);
      return j < 0 ? n : j;
    }
    if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
      int j = s.indexOf("*/", i + 2);
      return j < 0 ? n : j + 2;
    }
    return i + 1;
  }
}
