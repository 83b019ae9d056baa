package io.eddy.api.functions;

/**
 * Marks a function that never changes a record it receives, nor one it has emitted. Between two
 * such functions a record is handed over as it is: where Eddy would give the consumer its own
 * copy (an exchange to another task, or a chained operator without object reuse, as Flink
 * serializes or copies there), the copy only guards against changes that cannot happen. The SQL
 * operators are such functions: they build a new row for every output and never change one.
 */
public interface ReadOnlyRecords {}
