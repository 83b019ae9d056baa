package io.eddy.connectors.file;

/**
 * Writes the fields of one record as a CSV line in a given {@link CsvFormat}, quoting (RFC 4180)
 * exactly the fields that need it, so {@link CsvParser} reads them back unchanged. Stateless.
 */
final class CsvEncoder {
  private CsvEncoder() {}

  static String encode(CsvFormat format, Object[] fields) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        line.append(format.delimiter());
      }
      String field = fields[i] == null ? "" : fields[i].toString();
      // A lone empty field is quoted, else its line would be empty, and empty lines are no records.
      if (needsQuotes(format, field) || fields.length == 1 && field.isEmpty()) {
        line.append(format.quote());
        for (int j = 0; j < field.length(); j++) {
          char c = field.charAt(j);
          if (c == format.quote()) {
            line.append(c);
          }
          line.append(c);
        }
        line.append(format.quote());
      } else {
        line.append(field);
      }
    }
    return line.toString();
  }

  private static boolean needsQuotes(CsvFormat format, String field) {
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == format.delimiter() || c == format.quote() || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }
}
