package io.eddy.connectors.file;

import java.io.Serializable;

/**
 * Turns one line of a file into a record; throws (any exception) if the line is bad, and the
 * source then fails or skips it, naming the file and line. Shipped to the subtasks by
 * serialization; each subtask gets its own copy, used on its task thread only.
 */
@FunctionalInterface
public interface LineParser<T> extends Serializable {
  T parse(String line) throws Exception;
}
