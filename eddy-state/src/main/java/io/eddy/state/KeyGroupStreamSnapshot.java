package io.eddy.state;

import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A full snapshot written into the checkpoint's state file one key group at a time, so that a
 * restore (at any parallelism) reads just the key groups it owns. The heap backend's shape.
 */
public non-sealed interface KeyGroupStreamSnapshot extends KeyedStateSnapshot {
  /** Writes the state of one key group of the range. Thread-safe against the live backend. */
  void writeKeyGroup(int keyGroup, DataOutputStream out) throws IOException;
}
