package io.eddy.connectors.file;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the text of one CSV record into its fields, following RFC 4180 in a given
 * {@link CsvFormat}. The text is one line, or several joined by {@code \n} when a quoted field
 * spans lines ({@link #endsInsideQuotes} tells the reader to join the next one). Stateless.
 */
final class CsvParser {
  private CsvParser() {}

  static String[] parse(CsvFormat format, String text) throws CsvParseException {
    char delimiter = format.delimiter();
    char quote = format.quote();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int n = text.length();
    int i = 0;
    while (true) {
      if (i < n && text.charAt(i) == quote) {
        int opening = i++;
        while (true) {
          if (i >= n) {
            throw new CsvParseException("quoted field opened at column " + (opening + 1) + " is not closed");
          }
          char c = text.charAt(i++);
          if (c != quote) {
            field.append(c);
          } else if (i < n && text.charAt(i) == quote) {
            field.append(quote);
            i++;
          } else {
            break;
          }
        }
        if (i < n && text.charAt(i) != delimiter) {
          throw new CsvParseException("unexpected character after the closing quote at column " + (i + 1));
        }
      } else {
        for (; i < n && text.charAt(i) != delimiter; i++) {
          if (text.charAt(i) == quote) {
            throw new CsvParseException("quote inside an unquoted field at column " + (i + 1));
          }
          field.append(text.charAt(i));
        }
      }
      fields.add(field.toString());
      field.setLength(0);
      if (i >= n) {
        return fields.toArray(String[]::new);
      }
      i++; // the delimiter
    }
  }

  /**
   * Whether a quoted field is open at the end of {@code line}, so the record continues on the
   * next line; {@code startsInsideQuotes} if one was open at the end of the line before.
   */
  static boolean endsInsideQuotes(CsvFormat format, String line, boolean startsInsideQuotes) {
    char quote = format.quote();
    boolean quoted = startsInsideQuotes;
    boolean fieldStart = !startsInsideQuotes;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == quote) {
          if (i + 1 < line.length() && line.charAt(i + 1) == quote) {
            i++;
          } else {
            quoted = false;
          }
        }
      } else if (c == quote && fieldStart) {
        quoted = true;
        fieldStart = false;
      } else {
        fieldStart = c == format.delimiter();
      }
    }
    return quoted;
  }
}
