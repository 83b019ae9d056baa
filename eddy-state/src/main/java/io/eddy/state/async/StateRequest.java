package io.eddy.state.async;

import io.eddy.state.InternalKvState;

/**
 * One access of an asynchronous state, captured when it was issued: what to do, on which
 * (synchronous, namespaced) state, for which key and namespace, with which argument. A {@link
 * StateExecutor} runs it against the backend and leaves its {@link #result()}. The runtime
 * subclasses it to attach the future to complete and the record the access belongs to.
 *
 * <p>Not thread-safe: created on the task thread; an executor may read the fields on any thread
 * but sets the result on the task thread, before the batch's completion is signalled.
 */
public class StateRequest {
  private final StateRequestType type;
  private final InternalKvState<Object> state;
  private final Object key;
  private final Object namespace;
  private final Object payload;
  private final Object value;
  private Object result;

  @SuppressWarnings("unchecked")
  public StateRequest(StateRequestType type, InternalKvState<?> state, Object key, Object namespace, Object payload,
      Object value) {
    this.type = type;
    this.state = (InternalKvState<Object>) state;
    this.key = key;
    this.namespace = namespace;
    this.payload = payload;
    this.value = value;
  }

  public StateRequestType type() {
    return type;
  }

  /** The synchronous state this request reads or writes (its backend's form, TTL included). */
  public InternalKvState<Object> state() {
    return state;
  }

  /** The key of the record that issued the request. */
  public Object key() {
    return key;
  }

  public Object namespace() {
    return namespace;
  }

  /** The argument: the value, element, list, map, user key or input (see {@link StateRequestType}). */
  public Object payload() {
    return payload;
  }

  /** The second argument: the value of {@link StateRequestType#MAP_PUT}. */
  public Object value() {
    return value;
  }

  public Object result() {
    return result;
  }

  public void setResult(Object result) {
    this.result = result;
  }

  @Override
  public String toString() {
    return type + "(key=" + key + ", namespace=" + namespace + ")";
  }
}
