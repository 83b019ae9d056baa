package io.eddy.connectors.file;

import java.io.Serializable;

/**
 * Turns the fields of one CSV record (already unquoted) into a record; throws (any exception)
 * if they are bad, and the source then fails or skips the record, naming the file and line.
 * Shipped to the subtasks by serialization; used on one task thread per copy.
 */
@FunctionalInterface
public interface CsvRecordMapper<T> extends Serializable {
  T map(String[] fields) throws Exception;
}
