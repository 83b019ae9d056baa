package io.eddy.state.async;

import io.eddy.state.InternalKvState;
import io.eddy.state.InternalStates.InternalAggregatingState;
import io.eddy.state.InternalStates.InternalListState;
import io.eddy.state.InternalStates.InternalMapState;
import io.eddy.state.InternalStates.InternalReducingState;
import io.eddy.state.InternalStates.InternalValueState;
import io.eddy.state.KeyedStateBackend;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs one {@link StateRequest} through the synchronous API of its state: the reference semantics
 * of every request type, used as is by the inline executor and for the requests a batching
 * executor does not batch. REQUIRES: the task thread (it sets the backend's current key and the
 * state's namespace, and leaves them set).
 */
public final class SyncRequests {
  private SyncRequests() {}

  public static void execute(KeyedStateBackend<Object> backend, StateRequest request) throws Exception {
    request.setResult(execute(backend, request.type(), request.state(), request.key(), request.namespace(),
        request.payload(), request.value()));
  }

  /** Runs the request these arguments describe (see {@link StateRequest}) and returns its result (null for writes). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Object execute(KeyedStateBackend<Object> backend, StateRequestType type, InternalKvState<?> state,
      Object key, Object namespace, Object payload, Object value) throws Exception {
    if (backend.getCurrentKey() != key) {
      backend.setCurrentKey(key);
    }
    ((InternalKvState<Object>) state).setCurrentNamespace(namespace);
    Object s = state;
    Object result = null;
    switch (type) {
      case CLEAR -> state.clear();
      case VALUE_GET -> result = ((InternalValueState) s).value();
      case VALUE_UPDATE -> ((InternalValueState) s).update(payload);
      case LIST_GET -> result = copy((Iterable<?>) ((InternalListState) s).get());
      case LIST_ADD -> ((InternalListState) s).add(payload);
      case LIST_ADD_ALL -> ((InternalListState) s).addAll((List) payload);
      case LIST_UPDATE -> ((InternalListState) s).update((List) payload);
      case MAP_GET -> result = ((InternalMapState) s).get(payload);
      case MAP_CONTAINS -> result = ((InternalMapState) s).contains(payload);
      case MAP_PUT -> ((InternalMapState) s).put(payload, value);
      case MAP_PUT_ALL -> ((InternalMapState) s).putAll((Map) payload);
      case MAP_REMOVE -> ((InternalMapState) s).remove(payload);
      case MAP_ITER -> result = entries(((InternalMapState<?, Object, Object>) s).entries());
      case MAP_IS_EMPTY -> result = ((InternalMapState) s).isEmpty();
      case REDUCING_GET -> result = ((InternalReducingState) s).get();
      case REDUCING_ADD -> ((InternalReducingState) s).add(payload);
      case AGGREGATING_GET -> result = ((InternalAggregatingState) s).get();
      case AGGREGATING_ADD -> ((InternalAggregatingState) s).add(payload);
      case PREFETCH -> { } // the state is in memory already
    }
    return result;
  }

  private static List<Object> copy(Iterable<?> elements) {
    List<Object> list = new ArrayList<>();
    if (elements != null) {
      elements.forEach(list::add);
    }
    return list;
  }

  /** A copy of the mappings, so that later writes do not show through the result. */
  private static List<Map.Entry<Object, Object>> entries(Iterable<Map.Entry<Object, Object>> entries) {
    List<Map.Entry<Object, Object>> list = new ArrayList<>();
    for (Map.Entry<Object, Object> e : entries) {
      list.add(new AbstractMap.SimpleImmutableEntry<>(e.getKey(), e.getValue()));
    }
    return list;
  }
}
