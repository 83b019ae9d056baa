package io.eddy.api.state;

import java.util.Set;

/**
 * Non-keyed state of one operator subtask, checkpointed with it. How a restore (possibly at
 * another parallelism) hands the checkpointed state back depends on the kind:
 * <ul>
 *   <li>{@link #getListState}: the entries of all subtasks' lists are split round-robin among
 *       the new subtasks (each entry goes to exactly one);
 *   <li>{@link #getUnionListState}: every new subtask gets all entries of all subtasks' lists
 *       (each one then typically keeps what it is responsible for);
 *   <li>{@link #getBroadcastState}: every new subtask gets one copy of the map (subtask i the
 *       one subtask {@code i mod oldParallelism} had).
 * </ul>
 * A name denotes one state: asking for it as another kind is an error.
 */
public interface OperatorStateStore {
  <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) throws Exception;

  <T> ListState<T> getUnionListState(ListStateDescriptor<T> descriptor) throws Exception;

  <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) throws Exception;

  /** The names of the list states (split and union) registered so far. */
  Set<String> getRegisteredStateNames();

  /** The names of the broadcast states registered so far. */
  Set<String> getRegisteredBroadcastStateNames();
}
