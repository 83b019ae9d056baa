package io.eddy.connectors.datagen;

import java.io.Serializable;
import java.util.random.RandomGenerator;

/**
 * Builds record {@code index} from a random generator that is seeded for that index alone (see
 * {@link GeneratorFunction#random}). Use only {@code random} as a source of randomness.
 */
@FunctionalInterface
public interface RandomRecordFunction<T> extends Serializable {
  T generate(RandomGenerator random, long index) throws Exception;
}
