package io.eddy.cep.nfa.sharedbuffer;

import io.eddy.api.types.TypeSerializer;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * A key's small index of timestamps, each with a count: the events waiting at each timestamp
 * (the event queue) or the events registered at each timestamp so far (the shared buffer's
 * arrival numbers). Kept in one value state next to the map state it indexes, so finding a
 * key's timestamps is one point read instead of an iteration of the map state (on the byte
 * backends a seek that also walks the deleted entries not yet compacted away). A key has a few
 * timestamps at a time: the ones between its watermark and its newest event.
 *
 * <p>Immutable (value states on the heap backend keep the object itself): changes return a new
 * index. Sorted by timestamp, no duplicates, every count positive.
 */
public final class TimestampCounts {
  public static final TimestampCounts EMPTY = new TimestampCounts(new long[0], new int[0]);

  private final long[] timestamps;
  private final int[] counts;

  private TimestampCounts(long[] timestamps, int[] counts) {
    this.timestamps = timestamps;
    this.counts = counts;
  }

  public boolean isEmpty() {
    return timestamps.length == 0;
  }

  public int size() {
    return timestamps.length;
  }

  public long timestamp(int i) {
    return timestamps[i];
  }

  /** The count at the {@code i}-th timestamp. */
  public int countAt(int i) {
    return counts[i];
  }

  /** The count at {@code timestamp}, 0 if it has none. */
  public int count(long timestamp) {
    int i = Arrays.binarySearch(timestamps, timestamp);
    return i >= 0 ? counts[i] : 0;
  }

  /** This index with the count at {@code timestamp} one higher. */
  public TimestampCounts increment(long timestamp) {
    int i = Arrays.binarySearch(timestamps, timestamp);
    if (i >= 0) {
      int[] c = counts.clone();
      c[i]++;
      return new TimestampCounts(timestamps, c);
    }
    int at = -i - 1;
    long[] t = new long[timestamps.length + 1];
    int[] c = new int[counts.length + 1];
    System.arraycopy(timestamps, 0, t, 0, at);
    System.arraycopy(counts, 0, c, 0, at);
    t[at] = timestamp;
    c[at] = 1;
    System.arraycopy(timestamps, at, t, at + 1, timestamps.length - at);
    System.arraycopy(counts, at, c, at + 1, counts.length - at);
    return new TimestampCounts(t, c);
  }

  /** How many timestamps are below {@code timestamp}. */
  public int countBelow(long timestamp) {
    int i = Arrays.binarySearch(timestamps, timestamp);
    return i >= 0 ? i : -i - 1;
  }

  /** How many timestamps are at most {@code timestamp}. */
  public int countAtMost(long timestamp) {
    int i = Arrays.binarySearch(timestamps, timestamp);
    return i >= 0 ? i + 1 : -i - 1;
  }

  /** This index without its first {@code n} timestamps. */
  public TimestampCounts dropFirst(int n) {
    if (n == 0) {
      return this;
    }
    return new TimestampCounts(Arrays.copyOfRange(timestamps, n, timestamps.length),
        Arrays.copyOfRange(counts, n, counts.length));
  }

  public static final TypeSerializer<TimestampCounts> SERIALIZER = new TypeSerializer<>() {
    @Override
    public void serialize(TimestampCounts value, DataOutput out) throws IOException {
      out.writeInt(value.timestamps.length);
      for (int i = 0; i < value.timestamps.length; i++) {
        out.writeLong(value.timestamps[i]);
        out.writeInt(value.counts[i]);
      }
    }

    @Override
    public TimestampCounts deserialize(DataInput in) throws IOException {
      int n = in.readInt();
      long[] t = new long[n];
      int[] c = new int[n];
      for (int i = 0; i < n; i++) {
        t[i] = in.readLong();
        c[i] = in.readInt();
      }
      return new TimestampCounts(t, c);
    }

    @Override
    public String name() {
      return "cep-timestamp-counts";
    }
  };

  @Override
  public boolean equals(Object o) {
    return o instanceof TimestampCounts other && Arrays.equals(timestamps, other.timestamps)
        && Arrays.equals(counts, other.counts);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(timestamps) + Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("{");
    for (int i = 0; i < timestamps.length; i++) {
      b.append(i == 0 ? "" : ", ").append(timestamps[i]).append('=').append(counts[i]);
    }
    return b.append('}').toString();
  }
}
