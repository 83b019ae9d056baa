package io.eddy.api.state.v2;

import java.util.Map;

/** A map per key, accessed one user key at a time or iterated, asynchronously. */
public interface MapState<UK, UV> extends State {
  /** The value mapped to {@code key}, or null. */
  StateFuture<UV> asyncGet(UK key);

  /** Maps {@code key} to {@code value}. */
  StateFuture<Void> asyncPut(UK key, UV value);

  /** Puts every mapping of {@code map} (not null); an empty map changes nothing. */
  StateFuture<Void> asyncPutAll(Map<UK, UV> map);

  /** Removes the mapping of {@code key}. */
  StateFuture<Void> asyncRemove(UK key);

  /** Whether {@code key} is mapped. */
  StateFuture<Boolean> asyncContains(UK key);

  /** The mappings, as of the read. */
  StateFuture<StateIterator<Map.Entry<UK, UV>>> asyncEntries();

  /** The user keys, as of the read. */
  StateFuture<StateIterator<UK>> asyncKeys();

  /** The values, as of the read. */
  StateFuture<StateIterator<UV>> asyncValues();

  /** Whether the map of the current key is empty. */
  StateFuture<Boolean> asyncIsEmpty();
}
