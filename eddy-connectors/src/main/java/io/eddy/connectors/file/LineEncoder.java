package io.eddy.connectors.file;

import java.io.Serializable;

/**
 * Turns a record into one line of text (without the line break; a line break inside is allowed
 * only where the file's reader joins lines back, as in a quoted CSV field). Shipped to the
 * subtasks by serialization; each copy is used on one task thread.
 */
@FunctionalInterface
public interface LineEncoder<T> extends Serializable {
  String encode(T record) throws Exception;
}
