package io.eddy.api.functions;

/**
 * Chooses the downstream subtask of a record from its key ({@code partitionCustom}): returns a
 * partition in [0, numPartitions).
 */
@FunctionalInterface
public interface Partitioner<K> extends Function {
  int partition(K key, int numPartitions);
}
