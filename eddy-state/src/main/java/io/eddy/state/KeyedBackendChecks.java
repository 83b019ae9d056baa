package io.eddy.state;

import io.eddy.api.state.StateDescriptor;
import io.eddy.api.types.TypeSerializer;

/**
 * The rules every keyed backend applies the same way: a key must fall in the subtask's key
 * groups, a state name keeps its kind, and key-scoped state starts in the void namespace.
 */
public final class KeyedBackendChecks {
  private KeyedBackendChecks() {}

  /** The key group of a key whose hashCode is {@code keyHash}, which the subtask must own. */
  public static int ownedKeyGroup(Object key, int keyHash, KeyGroupRange range, int maxParallelism) {
    int keyGroup = KeyGroupRangeAssignment.computeKeyGroupForKeyHash(keyHash, maxParallelism);
    if (!range.contains(keyGroup)) {
      throw new IllegalStateException("Key " + key + " is in key group " + keyGroup
          + ", which this subtask does not own " + range + ": is the key's hashCode stable?");
    }
    return keyGroup;
  }

  public static void requireKind(String name, StateDescriptor.Kind existing, StateDescriptor.Kind requested) {
    if (existing != requested) {
      throw new IllegalStateException("State '" + name + "' exists as " + existing
          + " state; it cannot be used as " + requested + " state");
    }
  }

  /** The namespace a new state starts in: the void one for key-scoped state, else none yet. */
  @SuppressWarnings("unchecked")
  public static <N> N defaultNamespace(TypeSerializer<N> namespaceSerializer) {
    return namespaceSerializer == VoidNamespace.SERIALIZER ? (N) VoidNamespace.INSTANCE : null;
  }
}
