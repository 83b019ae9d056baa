package io.eddy.connectors.datagen;

import java.io.Serializable;

/**
 * Makes the record with a given index (0, 1, 2, ...) of a {@link DataGenSource}. The record must
 * depend on the index alone, so that any subtask, at any parallelism and after any restart,
 * produces the same record for the same index. Shipped to the subtasks by serialization.
 */
@FunctionalInterface
public interface GeneratorFunction<T> extends Serializable {
  T generate(long index) throws Exception;

  /**
   * A generator of random records that is reproducible: record {@code i} is built from a random
   * generator seeded by ({@code seed}, {@code i}), so the same seed gives the same records
   * whatever the parallelism or the order in which indexes are generated.
   */
  static <T> GeneratorFunction<T> random(long seed, RandomRecordFunction<T> function) {
    return index -> function.generate(SeededRandom.forIndex(seed, index), index);
  }
}
