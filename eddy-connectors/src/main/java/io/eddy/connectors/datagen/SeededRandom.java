package io.eddy.connectors.datagen;

import java.util.SplittableRandom;

/**
 * The random generator of one record index: the (seed, index) pair is scrambled with the
 * SplitMix64 finalizer into the seed of a fresh {@link SplittableRandom}, so neighbouring
 * indexes get unrelated streams. Stateless; every call returns a new generator.
 */
final class SeededRandom {
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private SeededRandom() {}

  static SplittableRandom forIndex(long seed, long index) {
    return new SplittableRandom(mix64(seed + (index + 1) * GOLDEN_GAMMA));
  }

  private static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
