package io.eddy.runtime.state.v2;

import io.eddy.api.state.v2.MapState;
import io.eddy.api.state.v2.StateFuture;
import io.eddy.api.state.v2.StateIterator;
import io.eddy.runtime.asyncprocessing.AsyncExecutionController;
import io.eddy.state.InternalKvState;
import io.eddy.state.async.StateRequestType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@link MapState} through the async execution controller. Iteration reads the (key, namespace)'s
 * mappings as of the read; keys and values are views of the same read.
 */
final class AsyncMapState<UK, UV> extends AbstractAsyncState implements MapState<UK, UV> {
  AsyncMapState(String name, AsyncExecutionController<?> controller, InternalKvState<?> state, Supplier<?> namespace) {
    super(name, controller, state, namespace);
  }

  @Override
  public StateFuture<UV> asyncGet(UK key) {
    return request(StateRequestType.MAP_GET, key);
  }

  @Override
  public StateFuture<Void> asyncPut(UK key, UV value) {
    return request(StateRequestType.MAP_PUT, key, value);
  }

  @Override
  public StateFuture<Void> asyncPutAll(Map<UK, UV> map) {
    return request(StateRequestType.MAP_PUT_ALL, new HashMap<>(requireNonNull(map, "the map")));
  }

  @Override
  public StateFuture<Void> asyncRemove(UK key) {
    return request(StateRequestType.MAP_REMOVE, key);
  }

  @Override
  public StateFuture<Boolean> asyncContains(UK key) {
    return request(StateRequestType.MAP_CONTAINS, key);
  }

  @Override
  public StateFuture<StateIterator<Map.Entry<UK, UV>>> asyncEntries() {
    return this.<List<Map.Entry<UK, UV>>>request(StateRequestType.MAP_ITER, null).thenApply(ListStateIterator::new);
  }

  @Override
  public StateFuture<StateIterator<UK>> asyncKeys() {
    return this.<List<Map.Entry<UK, UV>>>request(StateRequestType.MAP_ITER, null)
        .thenApply(entries -> new ListStateIterator<>(entries.stream().map(Map.Entry::getKey).toList()));
  }

  @Override
  public StateFuture<StateIterator<UV>> asyncValues() {
    return this.<List<Map.Entry<UK, UV>>>request(StateRequestType.MAP_ITER, null)
        .thenApply(entries -> new ListStateIterator<UV>(entries.stream().map(Map.Entry::getValue).toList()));
  }

  @Override
  public StateFuture<Boolean> asyncIsEmpty() {
    return request(StateRequestType.MAP_IS_EMPTY, null);
  }
}
