package io.eddy.connectors.file;

/** A CSV record that breaks the quoting rules of its {@link CsvFormat}. Immutable. */
final class CsvParseException extends Exception {
  CsvParseException(String message) {
    super(message);
  }
}
