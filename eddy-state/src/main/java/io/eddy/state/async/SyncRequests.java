package io.eddy.state.async;

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

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static void execute(KeyedStateBackend<Object> backend, StateRequest request) throws Exception {
    if (backend.getCurrentKey() != request.key()) {
      backend.setCurrentKey(request.key());
    }
    request.state().setCurrentNamespace(request.namespace());
    Object state = request.state();
    Object payload = request.payload();
    Object result = null;
    switch (request.type()) {
      case CLEAR -> request.state().clear();
      case VALUE_GET -> result = ((InternalValueState) state).value();
      case VALUE_UPDATE -> ((InternalValueState) state).update(payload);
      case LIST_GET -> result = copy((Iterable<?>) ((InternalListState) state).get());
      case LIST_ADD -> ((InternalListState) state).add(payload);
      case LIST_ADD_ALL -> ((InternalListState) state).addAll((List) payload);
      case LIST_UPDATE -> ((InternalListState) state).update((List) payload);
      case MAP_GET -> result = ((InternalMapState) state).get(payload);
      case MAP_CONTAINS -> result = ((InternalMapState) state).contains(payload);
      case MAP_PUT -> ((InternalMapState) state).put(payload, request.value());
      case MAP_PUT_ALL -> ((InternalMapState) state).putAll((Map) payload);
      case MAP_REMOVE -> ((InternalMapState) state).remove(payload);
      case MAP_ITER -> result = entries(((InternalMapState<?, Object, Object>) state).entries());
      case MAP_IS_EMPTY -> result = ((InternalMapState) state).isEmpty();
      case REDUCING_GET -> result = ((InternalReducingState) state).get();
      case REDUCING_ADD -> ((InternalReducingState) state).add(payload);
      case AGGREGATING_GET -> result = ((InternalAggregatingState) state).get();
      case AGGREGATING_ADD -> ((InternalAggregatingState) state).add(payload);
      case PREFETCH -> { } // the state is in memory already
    }
    request.setResult(result);
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
