package io.eddy.state.bytes;

import io.eddy.state.KeyGroupRange;
import io.eddy.state.KeyGroupStreamSnapshot;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A savepoint of a byte backend: every key group already converted to the canonical form
 * ({@link io.eddy.state.KeyGroupStreamFormat}) on the task thread, held in memory until the
 * checkpoint I/O thread writes it. Converting needs the states' serializers and a consistent view
 * of every column, both of which the task thread has; the cost is that the task pauses for the
 * conversion and the subtask's state is held once more in memory while the savepoint is written.
 */
final class CanonicalSavepoint implements KeyGroupStreamSnapshot {
  private final KeyGroupRange range;
  private final byte[][] keyGroups;

  /** @param keyGroups the canonical bytes of each key group of {@code range}, in order */
  CanonicalSavepoint(KeyGroupRange range, byte[][] keyGroups) {
    this.range = range;
    this.keyGroups = keyGroups;
  }

  @Override
  public KeyGroupRange keyGroupRange() {
    return range;
  }

  @Override
  public void writeKeyGroup(int keyGroup, DataOutputStream out) throws IOException {
    out.write(keyGroups[keyGroup - range.startKeyGroup()]);
  }

  @Override
  public void release() {}
}
