package io.eddy.connectors.file;

import java.io.Serializable;

/**
 * How the lines of a text file become records, for {@link FileSourceReader}: whether the first
 * line is a header, which lines belong to one record, and how a record's text is parsed. The
 * plain case (one record per line, no header) is just a parse function. Shipped to the subtasks
 * by serialization; each copy is used on one task thread.
 */
@FunctionalInterface
interface LineFormat<T> extends Serializable {
  /** Parses one record's text; throws if it is bad. */
  T parse(String text) throws Exception;

  /** Whether each file's first line is a header, skipped. */
  default boolean hasHeader() {
    return false;
  }

  /**
   * Whether the record goes on after {@code line}, one of its lines; {@code continued} tells
   * whether it went on into this line. Looks at this line only, so long records stay linear.
   */
  default boolean continuesAfter(String line, boolean continued) {
    return false;
  }
}
