package io.eddy.runtime.io;

import io.eddy.api.functions.KeySelector;
import io.eddy.state.KeyGroupRangeAssignment;
import java.util.SplittableRandom;

/** Chooses the channel (downstream subtask) of each record on one edge. */
public sealed interface Partitioner {
  /** The channel index for the record, or -1 for every channel. */
  int select(Object record) throws Exception;

  /** Always the one channel (the same-index subtask). */
  record Forward() implements Partitioner {
    @Override
    public int select(Object record) {
      return 0;
    }
  }

  /** Round-robin, starting at a subtask-dependent offset so producers do not move in lockstep. */
  final class Rebalance implements Partitioner {
    private final int channels;
    private int next;

    public Rebalance(int channels, int start) {
      this.channels = channels;
      this.next = start % channels;
    }

    @Override
    public int select(Object record) {
      int c = next;
      next = c + 1 == channels ? 0 : c + 1;
      return c;
    }
  }

  /** A uniformly random channel per record. */
  final class Shuffle implements Partitioner {
    private final int channels;
    private final SplittableRandom random = new SplittableRandom();

    public Shuffle(int channels) {
      this.channels = channels;
    }

    @Override
    public int select(Object record) {
      return random.nextInt(channels);
    }
  }

  /** Always channel 0 (downstream subtask 0). */
  record Global() implements Partitioner {
    @Override
    public int select(Object record) {
      return 0;
    }
  }

  /** The channel the user's partitioner picks for the record's key (partitionCustom). */
  record Custom(io.eddy.api.functions.Partitioner<Object> partitioner, KeySelector<Object, ?> keySelector,
      int channels) implements Partitioner {
    @Override
    public int select(Object record) throws Exception {
      Object key = keySelector.getKey(record);
      int channel = partitioner.partition(key, channels);
      if (channel < 0 || channel >= channels) {
        throw new IllegalStateException("The partitioner of partitionCustom returned " + channel + " for key " + key
            + ", outside [0, " + channels + ")");
      }
      return channel;
    }
  }

  /** Every channel. */
  record Broadcast() implements Partitioner {
    @Override
    public int select(Object record) {
      return -1;
    }
  }

  /** By key group, as in ARCHITECTURE.md section 2. */
  record Keyed(KeySelector<Object, ?> keySelector, int maxParallelism, int parallelism) implements Partitioner {
    @Override
    public int select(Object record) throws Exception {
      Object key = keySelector.getKey(record);
      if (key == null) {
        throw new NullPointerException("keyBy selector returned null for record " + record);
      }
      return KeyGroupRangeAssignment.assignKeyToParallelOperator(key, maxParallelism, parallelism);
    }
  }
}
