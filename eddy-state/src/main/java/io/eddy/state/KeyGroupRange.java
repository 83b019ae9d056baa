package io.eddy.state;

import java.io.Serializable;

/** The key groups [startKeyGroup, endKeyGroup] (both inclusive) one subtask owns; empty if end < start. */
public record KeyGroupRange(int startKeyGroup, int endKeyGroup) implements Serializable {

  public static KeyGroupRange of(int start, int end) {
    return new KeyGroupRange(start, end);
  }

  public boolean contains(int keyGroup) {
    return keyGroup >= startKeyGroup && keyGroup <= endKeyGroup;
  }

  public int size() {
    return Math.max(0, endKeyGroup - startKeyGroup + 1);
  }

  /** The key groups in both ranges. */
  public KeyGroupRange intersection(KeyGroupRange other) {
    return new KeyGroupRange(Math.max(startKeyGroup, other.startKeyGroup), Math.min(endKeyGroup, other.endKeyGroup));
  }

  @Override
  public String toString() {
    return "[" + startKeyGroup + ".." + endKeyGroup + "]";
  }
}
