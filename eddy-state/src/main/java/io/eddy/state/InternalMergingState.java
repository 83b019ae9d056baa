package io.eddy.state;

import java.util.Collection;

/** Keyed state whose namespaces can be merged into one (session windows). */
public interface InternalMergingState<N> extends InternalKvState<N> {
  /** Merges the state of the current key in {@code sources} into {@code target}, clearing the sources. */
  void mergeNamespaces(N target, Collection<N> sources) throws Exception;
}
