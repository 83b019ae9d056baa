package io.eddy.connectors.file;

/**
 * CSV records: an optional header line, quoted fields that may span lines, and a user mapper
 * from the fields to a record. Immutable.
 */
record CsvLineFormat<T>(CsvFormat format, CsvRecordMapper<T> mapper) implements LineFormat<T> {
  @Override
  public T parse(String text) throws Exception {
    return mapper.map(CsvParser.parse(format, text));
  }

  @Override
  public boolean hasHeader() {
    return format.header();
  }

  @Override
  public boolean continuesAfter(String line, boolean continued) {
    return CsvParser.endsInsideQuotes(format, line, continued);
  }
}
