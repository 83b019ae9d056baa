package io.eddy.state;

import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The state of one keyed backend at a checkpoint, taken on the task thread (cheap: a frozen
 * view) and written afterwards, possibly on another thread, one key group at a time so that a
 * restore can pick the key groups it owns. {@link #release()} must be called once written (or
 * abandoned) so the backend stops protecting the frozen entries.
 */
public interface KeyedStateSnapshot {
  KeyGroupRange keyGroupRange();

  /** Writes the state of one key group of the range. Thread-safe against the live backend. */
  void writeKeyGroup(int keyGroup, DataOutputStream out) throws IOException;

  void release();
}
