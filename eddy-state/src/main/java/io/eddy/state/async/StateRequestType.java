package io.eddy.state.async;

/**
 * The primitive accesses an asynchronous state makes. Composite operations are chains of these
 * (an aggregating add is one read-modify-write request; a map's keys are its entries, mapped).
 * The result each leaves in {@link StateRequest#result()} is given per constant.
 */
public enum StateRequestType {
  /** Removes the (key, namespace)'s value, list, map or accumulator. Result: null. */
  CLEAR,
  /** Result: the value or null. */
  VALUE_GET,
  /** Payload: the value; null removes it. Result: null. */
  VALUE_UPDATE,
  /** Result: a {@code List} of the elements, empty if none. */
  LIST_GET,
  /** Payload: one element (not null). Result: null. */
  LIST_ADD,
  /** Payload: a {@code List} of elements appended. Result: null. */
  LIST_ADD_ALL,
  /** Payload: a {@code List} replacing the list; empty clears. Result: null. */
  LIST_UPDATE,
  /** Payload: the user key. Result: the value or null. */
  MAP_GET,
  /** Payload: the user key. Result: a {@code Boolean}. */
  MAP_CONTAINS,
  /** Payload: the user key; value: the value. Result: null. */
  MAP_PUT,
  /** Payload: a {@code Map} of the mappings. Result: null. */
  MAP_PUT_ALL,
  /** Payload: the user key. Result: null. */
  MAP_REMOVE,
  /** Result: a {@code List<Map.Entry>} of the mappings as of the read. */
  MAP_ITER,
  /** Result: a {@code Boolean}. */
  MAP_IS_EMPTY,
  /** Result: the reduced value or null. */
  REDUCING_GET,
  /** Payload: the value to reduce in. Result: null. */
  REDUCING_ADD,
  /** Result: the aggregate's result or null. */
  AGGREGATING_GET,
  /** Payload: the input to add. Result: null. */
  AGGREGATING_ADD,
  /**
   * Brings the (key, namespace)'s value, list or accumulator into the backend's caches without
   * decoding it, for synchronous code that will read it next (the async model's prefetch); a map
   * state's entries are not named by it, so nothing is read. Result: null.
   */
  PREFETCH
}
