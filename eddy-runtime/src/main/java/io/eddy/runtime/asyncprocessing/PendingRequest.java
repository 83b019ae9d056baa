package io.eddy.runtime.asyncprocessing;

import io.eddy.state.InternalKvState;
import io.eddy.state.async.StateRequest;
import io.eddy.state.async.StateRequestType;

/** A state request with the future it completes and the record it belongs to. Task thread only. */
final class PendingRequest<K> extends StateRequest {
  final RecordContext<K> context;
  final StateFutureImpl<Object> future = new StateFutureImpl<>();
  /** Whether it went to the executor (it left the active buffer). */
  boolean sent;

  PendingRequest(StateRequestType type, InternalKvState<?> state, RecordContext<K> context, Object namespace,
      Object payload, Object value) {
    super(type, state, context.key, namespace, payload, value);
    this.context = context;
  }
}
