package io.eddy.state;

import io.eddy.api.state.AggregatingStateDescriptor;
import io.eddy.api.state.ListStateDescriptor;
import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.state.ReducingStateDescriptor;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.api.types.TypeSerializer;
import io.eddy.state.InternalStates.InternalAggregatingState;
import io.eddy.state.InternalStates.InternalListState;
import io.eddy.state.InternalStates.InternalMapState;
import io.eddy.state.InternalStates.InternalReducingState;
import io.eddy.state.InternalStates.InternalValueState;
import io.eddy.state.async.InlineStateExecutor;
import io.eddy.state.async.StateExecutor;
import io.eddy.state.timers.TimerQueue;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.stream.Stream;

/**
 * Keyed state of one operator subtask, for the key groups it owns. The SPI every backend
 * implements (hashmap on the heap; byte-oriented ones lay keys out as
 * {@code [keyGroup:2][key][namespace][userKey]}, so a key-group range is one key range).
 *
 * <p>The operator sets the current key before each access; states read it from here. Creating a
 * state with a name that exists returns the existing state (the kind must match). Not
 * thread-safe: owned by one task thread.
 */
public interface KeyedStateBackend<K> extends AutoCloseable {

  KeyGroupRange keyGroupRange();

  int maxParallelism();

  /** Sets the key that state accesses refer to, and computes its key group. */
  void setCurrentKey(K key);

  K getCurrentKey();

  int getCurrentKeyGroup();

  <N, V> InternalValueState<N, V> createValueState(
      TypeSerializer<N> namespaceSerializer, ValueStateDescriptor<V> descriptor);

  <N, V> InternalListState<N, V> createListState(
      TypeSerializer<N> namespaceSerializer, ListStateDescriptor<V> descriptor);

  <N, UK, UV> InternalMapState<N, UK, UV> createMapState(
      TypeSerializer<N> namespaceSerializer, MapStateDescriptor<UK, UV> descriptor);

  <N, V> InternalReducingState<N, V> createReducingState(
      TypeSerializer<N> namespaceSerializer, ReducingStateDescriptor<V> descriptor);

  <N, IN, ACC, OUT> InternalAggregatingState<N, IN, OUT> createAggregatingState(
      TypeSerializer<N> namespaceSerializer, AggregatingStateDescriptor<IN, ACC, OUT> descriptor);

  /** A priority queue of timers, kept per key group so that it survives restore and rescale. */
  <N> TimerQueue<K, N> createTimerQueue(String name, TypeSerializer<N> namespaceSerializer);

  /** The keys that have a value in the named state under the namespace (a snapshot of them). */
  <N> Stream<K> getKeys(String stateName, N namespace);

  /**
   * A new executor of asynchronous state requests on this backend's states (see {@link
   * StateExecutor}); {@code taskThread} runs work on the owning task thread (its mailbox). This
   * default runs requests inline on the task thread; backends with slow reads batch them.
   */
  default StateExecutor createStateExecutor(Executor taskThread) {
    return new InlineStateExecutor(this);
  }

  /** The kind this backend is ({@code state.backend.type}); checkpoints record it. */
  String backendType();

  /**
   * The synchronous part of checkpoint {@code checkpointId}: a consistent view, completed
   * later by the caller (written or persisted, then released).
   */
  KeyedStateSnapshot snapshot(long checkpointId) throws IOException;

  /**
   * The synchronous part of savepoint {@code checkpointId}: a self-contained snapshot in the
   * canonical {@link KeyGroupStreamFormat}, referencing no file the backend manages, so that the
   * savepoint can be moved and restored by a backend of any kind ({@link #restoreKeyGroup}).
   */
  KeyGroupStreamSnapshot savepoint(long checkpointId) throws IOException;

  /**
   * Adds the state of one key group, as written by a {@link KeyGroupStreamSnapshot} in the
   * canonical {@link KeyGroupStreamFormat} by a backend of any kind (possibly one that owned
   * another key-group range: rescaling). Call before processing.
   */
  void restoreKeyGroup(int keyGroup, DataInputStream in) throws IOException;

  /**
   * Restores from the handles of {@link FileHandleSnapshot}s of a backend of the same kind: all
   * handles whose key groups overlap this backend's range, in one call, before processing. The
   * backend keeps only its own key groups (rescaling).
   */
  default void restoreFromHandles(List<KeyedStateHandle> handles) throws IOException {
    throw new UnsupportedOperationException(
        "The '" + backendType() + "' state backend cannot restore from file handles");
  }

  /** Checkpoint {@code checkpointId} is complete: older ones may be subsumed (kept per {@code state.checkpoints.num-retained}). */
  default void notifyCheckpointComplete(long checkpointId) throws IOException {}

  @Override
  void close();
}
