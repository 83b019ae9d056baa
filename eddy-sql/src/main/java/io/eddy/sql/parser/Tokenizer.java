package io.eddy.sql.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one statement into {@link Token}s for {@link StatementParser}: words, `quoted`
 * identifiers, 'string' literals ('' inside is a quote), numbers and symbols; comments and
 * whitespace are dropped. Errors (an unterminated literal) name line and column.
 */
final class Tokenizer {
  private Tokenizer() {}

  static List<Token> tokenize(String sql, Position origin) {
    List<Token> tokens = new ArrayList<>();
    int line = 1;
    int col = 1;
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      int end;
      Token token = null;
      if (Character.isWhitespace(c)) {
        end = i + 1;
      } else if ((c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') || (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*')) {
        end = ScriptSplitter.skip(sql, i);
      } else if (c == '\'' || c == '`' || c == '"') {
        end = ScriptSplitter.skip(sql, i);
        if (sql.charAt(end - 1) != c || end == i + 1) {
          Position p = origin.plus(line, col);
          throw new SqlParseException(p.line(), p.column(), "unterminated " + (c == '\'' ? "string literal" : "quoted identifier"));
        }
        String body = sql.substring(i + 1, end - 1).replace("" + c + c, "" + c);
        token = new Token(c == '\'' ? Token.Kind.STRING : Token.Kind.QUOTED_IDENTIFIER, body, i, line, col);
      } else if (Character.isLetter(c) || c == '_' || c == '$') {
        end = i + 1;
        while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_' || sql.charAt(end) == '$')) {
          end++;
        }
        token = new Token(Token.Kind.WORD, sql.substring(i, end), i, line, col);
      } else if (Character.isDigit(c)) {
        end = i + 1;
        while (end < n && (Character.isDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
          end++;
        }
        token = new Token(Token.Kind.NUMBER, sql.substring(i, end), i, line, col);
      } else {
        end = i + 1;
        if (i + 1 < n) {
          String two = sql.substring(i, i + 2);
          if (two.equals("<>") || two.equals("<=") || two.equals(">=") || two.equals("!=") || two.equals("||")) {
            end = i + 2;
          }
        }
        token = new Token(Token.Kind.SYMBOL, sql.substring(i, end), i, line, col);
      }
      if (token != null) {
        tokens.add(token);
      }
      for (int k = i; k < end; k++) {
        if (sql.charAt(k) == '\n') {
          line++;
          col = 1;
        } else {
          col++;
        }
      }
      i = end;
    }
    tokens.add(new Token(Token.Kind.END, "", n, line, col));
    return tokens;
  }
}
