package io.eddy.state;

/**
 * Maps keys to key groups and key groups to subtasks, with the same arithmetic as Flink so that
 * behaviour and intuition carry over: {@code keyGroup = murmur(key.hashCode()) % maxParallelism},
 * {@code subtask = keyGroup * parallelism / maxParallelism}. Each subtask owns one contiguous
 * range, which is what makes restore and rescale work on ranges.
 */
public final class KeyGroupRangeAssignment {
  private KeyGroupRangeAssignment() {}

  public static int assignToKeyGroup(Object key, int maxParallelism) {
    return computeKeyGroupForKeyHash(key.hashCode(), maxParallelism);
  }

  public static int computeKeyGroupForKeyHash(int keyHash, int maxParallelism) {
    return murmurHash(keyHash) % maxParallelism;
  }

  public static int computeOperatorIndexForKeyGroup(int maxParallelism, int parallelism, int keyGroup) {
    return keyGroup * parallelism / maxParallelism;
  }

  public static int assignKeyToParallelOperator(Object key, int maxParallelism, int parallelism) {
    return computeOperatorIndexForKeyGroup(maxParallelism, parallelism, assignToKeyGroup(key, maxParallelism));
  }

  public static KeyGroupRange computeKeyGroupRangeForOperatorIndex(
      int maxParallelism, int parallelism, int operatorIndex) {
    if (parallelism > maxParallelism) {
      throw new IllegalArgumentException(
          "Parallelism " + parallelism + " exceeds max parallelism (key groups) " + maxParallelism);
    }
    int start = (operatorIndex * maxParallelism + parallelism - 1) / parallelism;
    int end = ((operatorIndex + 1) * maxParallelism - 1) / parallelism;
    return new KeyGroupRange(start, end);
  }

  /** Murmur3's 32-bit mixing of one int, made non-negative. */
  static int murmurHash(int code) {
    code *= 0xcc9e2d51;
    code = Integer.rotateLeft(code, 15);
    code *= 0x1b873593;
    code = Integer.rotateLeft(code, 13);
    code = code * 5 + 0xe6546b64;
    code ^= 4;
    code ^= code >>> 16;
    code *= 0x85ebca6b;
    code ^= code >>> 13;
    code *= 0xc2b2ae35;
    code ^= code >>> 16;
    if (code >= 0) {
      return code;
    }
    return code != Integer.MIN_VALUE ? -code : 0;
  }
}
