package io.eddy.api.functions;

/**
 * Extracts the key of a record for keyBy. Keys must have a stable, value-based {@code hashCode}
 * and {@code equals} (records, strings, boxed numbers): the key decides the key group, and so
 * the subtask, of every record.
 */
@FunctionalInterface
public interface KeySelector<IN, KEY> extends Function {
  KEY getKey(IN value) throws Exception;
}
