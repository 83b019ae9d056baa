package io.eddy.connectors.file;

import java.io.Serializable;

/**
 * The CSV dialect of a file: field delimiter, quote character, and whether each file starts
 * with a header line (skipped when reading). Quoting follows RFC 4180: a field that holds the
 * delimiter, the quote or a line break is enclosed in quotes, and a quote inside it is doubled;
 * a quoted field may span lines (a line break inside it is read back as {@code \n}). A quote in
 * the middle of an unquoted field is an error; a quoted field that is never closed makes the rest
 * of the file one bad record, reported at the line where it opened. Immutable.
 */
public record CsvFormat(char delimiter, char quote, boolean header) implements Serializable {
  /** Comma-separated, double-quoted, no header: RFC 4180. */
  public static final CsvFormat DEFAULT = new CsvFormat(',', '"', false);

  public CsvFormat {
    if (delimiter == quote || isLineBreak(delimiter) || isLineBreak(quote)) {
      throw new IllegalArgumentException("Bad CSV format: delimiter '" + delimiter + "', quote '" + quote + "'");
    }
  }

  public CsvFormat withDelimiter(char delimiter) {
    return new CsvFormat(delimiter, quote, header);
  }

  public CsvFormat withQuote(char quote) {
    return new CsvFormat(delimiter, quote, header);
  }

  /** Each file's first line is a header, skipped when reading. */
  public CsvFormat withHeader() {
    return new CsvFormat(delimiter, quote, true);
  }

  private static boolean isLineBreak(char c) {
    return c == '\n' || c == '\r';
  }
}
