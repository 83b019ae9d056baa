package io.eddy.runtime.asyncprocessing;

import io.eddy.api.config.Configuration;
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
import io.eddy.state.KeyGroupRange;
import io.eddy.state.KeyGroupStreamSnapshot;
import io.eddy.state.KeyedStateBackend;
import io.eddy.state.KeyedStateSnapshot;
import io.eddy.state.StateBackendFactory;
import io.eddy.state.async.InlineStateExecutor;
import io.eddy.state.async.StateExecutor;
import io.eddy.state.async.StateRequest;
import io.eddy.state.heap.HeapKeyedStateBackend;
import io.eddy.state.timers.TimerQueue;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Stream;

/**
 * {@code state.backend.type: later-answering-hashmap} (tests only): the heap backend, but its
 * state executor answers each batch through a mail on the task thread, as an I/O executor would,
 * rather than at once. Jobs on it keep records waiting for their requests, so that tests can watch
 * the controller's buffers fill.
 */
final class LaterAnsweringHeapBackend<K> implements KeyedStateBackend<K> {
  private final HeapKeyedStateBackend<K> heap;

  LaterAnsweringHeapBackend(HeapKeyedStateBackend<K> heap) {
    this.heap = heap;
  }

  /** Its factory, registered in the test class path's services. */
  public static final class Factory implements StateBackendFactory {
    @Override
    public String name() {
      return "later-answering-hashmap";
    }

    @Override
    public <K> KeyedStateBackend<K> createKeyedBackend(
        String operatorId, KeyGroupRange keyGroupRange, int maxParallelism, Configuration configuration) {
      return new LaterAnsweringHeapBackend<>(new HeapKeyedStateBackend<>(keyGroupRange, maxParallelism));
    }
  }

  @Override
  public StateExecutor createStateExecutor(Executor taskThread) {
    InlineStateExecutor inline = new InlineStateExecutor(heap);
    return new StateExecutor() {
      @Override
      public CompletableFuture<Void> executeBatch(List<? extends StateRequest> batch) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        taskThread.execute(() -> inline.executeBatch(batch).whenComplete((v, e) -> {
          if (e != null) {
            done.completeExceptionally(e);
          } else {
            done.complete(null);
          }
        }));
        return done;
      }

      @Override
      public boolean readsOffTaskThread() {
        return false;
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public KeyGroupRange keyGroupRange() {
    return heap.keyGroupRange();
  }

  @Override
  public int maxParallelism() {
    return heap.maxParallelism();
  }

  @Override
  public void setCurrentKey(K key) {
    heap.setCurrentKey(key);
  }

  @Override
  public K getCurrentKey() {
    return heap.getCurrentKey();
  }

  @Override
  public int getCurrentKeyGroup() {
    return heap.getCurrentKeyGroup();
  }

  @Override
  public <N, V> InternalValueState<N, V> createValueState(TypeSerializer<N> ns, ValueStateDescriptor<V> d) {
    return heap.createValueState(ns, d);
  }

  @Override
  public <N, V> InternalListState<N, V> createListState(TypeSerializer<N> ns, ListStateDescriptor<V> d) {
    return heap.createListState(ns, d);
  }

  @Override
  public <N, UK, UV> InternalMapState<N, UK, UV> createMapState(TypeSerializer<N> ns, MapStateDescriptor<UK, UV> d) {
    return heap.createMapState(ns, d);
  }

  @Override
  public <N, V> InternalReducingState<N, V> createReducingState(TypeSerializer<N> ns, ReducingStateDescriptor<V> d) {
    return heap.createReducingState(ns, d);
  }

  @Override
  public <N, IN, ACC, OUT> InternalAggregatingState<N, IN, OUT> createAggregatingState(TypeSerializer<N> ns,
      AggregatingStateDescriptor<IN, ACC, OUT> d) {
    return heap.createAggregatingState(ns, d);
  }

  @Override
  public <N> TimerQueue<K, N> createTimerQueue(String name, TypeSerializer<N> namespaceSerializer) {
    return heap.createTimerQueue(name, namespaceSerializer);
  }

  @Override
  public <N> Stream<K> getKeys(String stateName, N namespace) {
    return heap.getKeys(stateName, namespace);
  }

  @Override
  public String backendType() {
    return "later-answering-hashmap";
  }

  @Override
  public KeyedStateSnapshot snapshot(long checkpointId) throws IOException {
    return heap.snapshot(checkpointId);
  }

  @Override
  public KeyGroupStreamSnapshot savepoint(long checkpointId) throws IOException {
    return heap.savepoint(checkpointId);
  }

  @Override
  public void restoreKeyGroup(int keyGroup, DataInputStream in) throws IOException {
    heap.restoreKeyGroup(keyGroup, in);
  }

  @Override
  public void close() {
    heap.close();
  }
}
