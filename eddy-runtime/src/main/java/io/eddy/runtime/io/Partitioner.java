package io.eddy.runtime.io;

import io.eddy.api.functions.KeySelector;
import io.eddy.state.KeyGroupRangeAssignment;

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
