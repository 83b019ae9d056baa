package io.eddy.state;

import io.eddy.api.state.State;

/**
 * The backend's view of a piece of keyed state: the key comes from the backend's current key,
 * the namespace (window, or {@link VoidNamespace}) is set here. Not thread-safe: used by the one
 * task thread that owns the backend.
 */
public interface InternalKvState<N> extends State {
  void setCurrentNamespace(N namespace);
}
