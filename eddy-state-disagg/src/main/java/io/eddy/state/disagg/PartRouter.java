package io.eddy.state.disagg;

import io.eddy.state.KeyGroupRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Sends every key to the {@link StorePart} serving its key group (keys start with it). With one
 * part, the common case, every key goes there without a lookup; with several (after a rescale)
 * a small table indexed by key group names the part.
 *
 * <p>Immutable after construction; thread-safe.
 */
final class PartRouter {
  private final StorePart[] parts;
  private final int firstKeyGroup;
  private final int[] partOfKeyGroup; // null with a single part

  /** REQUIRES: parts' key-group ranges are disjoint and non-empty. */
  PartRouter(List<StorePart> parts) {
    List<StorePart> sorted = new ArrayList<>(parts);
    sorted.sort(Comparator.comparingInt(p -> p.keyGroups().startKeyGroup()));
    this.parts = sorted.toArray(new StorePart[0]);
    this.firstKeyGroup = this.parts[0].keyGroups().startKeyGroup();
    if (this.parts.length == 1) {
      this.partOfKeyGroup = null;
      return;
    }
    int last = this.parts[this.parts.length - 1].keyGroups().endKeyGroup();
    this.partOfKeyGroup = new int[last - firstKeyGroup + 1];
    Arrays.fill(partOfKeyGroup, -1);
    for (int i = 0; i < this.parts.length; i++) {
      KeyGroupRange r = this.parts[i].keyGroups();
      for (int kg = r.startKeyGroup(); kg <= r.endKeyGroup(); kg++) {
        partOfKeyGroup[kg - firstKeyGroup] = i;
      }
    }
  }

  /**
   * The sub-ranges of {@code range} that none of {@code covered} includes, in order.
   * REQUIRES: every covered range lies within {@code range}.
   *
   * @throws IllegalArgumentException if two covered ranges overlap
   */
  static List<KeyGroupRange> gaps(List<KeyGroupRange> covered, KeyGroupRange range) {
    List<KeyGroupRange> sorted = new ArrayList<>(covered);
    sorted.sort(Comparator.comparingInt(KeyGroupRange::startKeyGroup));
    List<KeyGroupRange> gaps = new ArrayList<>();
    int next = range.startKeyGroup();
    for (KeyGroupRange c : sorted) {
      if (c.startKeyGroup() < next) {
        throw new IllegalArgumentException("checkpoint handles overlap at key groups " + c);
      }
      if (c.startKeyGroup() > next) {
        gaps.add(KeyGroupRange.of(next, c.startKeyGroup() - 1));
      }
      next = Math.max(next, c.endKeyGroup() + 1);
    }
    if (next <= range.endKeyGroup()) {
      gaps.add(KeyGroupRange.of(next, range.endKeyGroup()));
    }
    return gaps;
  }

  int size() {
    return parts.length;
  }

  StorePart part(int index) {
    return parts[index];
  }

  /**
   * The index of the part serving {@code keyGroup}.
   *
   * @throws IllegalArgumentException if no part serves it
   */
  int indexOf(int keyGroup) {
    if (partOfKeyGroup == null) {
      return 0;
    }
    int i = keyGroup - firstKeyGroup;
    int part = i < 0 || i >= partOfKeyGroup.length ? -1 : partOfKeyGroup[i];
    if (part < 0) {
      throw new IllegalArgumentException("key group " + keyGroup + " is not served by this state store");
    }
    return part;
  }
}
