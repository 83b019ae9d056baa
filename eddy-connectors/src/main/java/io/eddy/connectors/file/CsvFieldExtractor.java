package io.eddy.connectors.file;

import java.io.Serializable;

/**
 * The CSV fields of a record, in column order, for {@link FileSink#csv}. Each field is written
 * as its {@code toString()}, a null as an empty field. Shipped to the subtasks by serialization.
 */
@FunctionalInterface
public interface CsvFieldExtractor<T> extends Serializable {
  Object[] extract(T record) throws Exception;
}
