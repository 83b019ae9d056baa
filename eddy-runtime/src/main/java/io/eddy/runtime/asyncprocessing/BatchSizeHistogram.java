package io.eddy.runtime.asyncprocessing;

/**
 * The distribution of the sizes of the batches a controller sent to its state executor: counts per
 * power-of-two bucket ({@code [1], [2,3], [4,7], ...}), plus count, sum and maximum. Written by the
 * task thread; readers on other threads may see a slightly stale picture.
 */
public final class BatchSizeHistogram {
  private static final int BUCKETS = 32;

  private final long[] buckets = new long[BUCKETS];
  private volatile long count;
  private volatile long sum;
  private volatile int max;

  void record(int size) {
    buckets[Math.min(BUCKETS - 1, 31 - Integer.numberOfLeadingZeros(Math.max(1, size)))]++;
    count++;
    sum += size;
    if (size > max) {
      max = size;
    }
  }

  public long count() {
    return count;
  }

  public long sum() {
    return sum;
  }

  public int max() {
    return max;
  }

  public double mean() {
    long n = count;
    return n == 0 ? 0 : (double) sum / n;
  }

  /** Batches of sizes in {@code [2^bucket, 2^(bucket+1))}. */
  public long bucket(int bucket) {
    return buckets[bucket];
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("batches=" + count + " mean=" + String.format("%.1f", mean()) + " max=" + max);
    for (int b = 0; b < BUCKETS; b++) {
      if (buckets[b] > 0) {
        text.append(' ').append(1L << b).append("+:").append(buckets[b]);
      }
    }
    return text.toString();
  }
}
