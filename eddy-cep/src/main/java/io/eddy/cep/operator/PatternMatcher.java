package io.eddy.cep.operator;

import io.eddy.api.functions.OpenContext;
import io.eddy.api.functions.RuntimeContext;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.api.types.TypeSerializer;
import io.eddy.cep.nfa.NFA;
import io.eddy.cep.nfa.NFAState;
import io.eddy.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import io.eddy.cep.nfa.compiler.CompiledPattern;
import io.eddy.cep.nfa.sharedbuffer.SharedBuffer;
import io.eddy.cep.nfa.sharedbuffer.TimestampCounts;
import io.eddy.cep.state.CachedState;
import io.eddy.cep.state.KeyedStateCache;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One compiled pattern applied to the keys of one operator: the NFA, and per key its runs
 * ({@code <prefix>nfa-state}) and shared buffer ({@code <prefix>...}) in keyed state. A step
 * for a key is {@link #load}, any number of {@link #processEvent}/{@link #advanceTime}, then
 * {@link #store}; the backend's current key must not change in between. Its states are read and
 * written through the operator's {@link KeyedStateCache}. Task thread only.
 */
final class PatternMatcher<IN> {
  private static final String BUFFER_PREFIX = "buffer-";
  private final NFA<IN> nfa;
  private final AfterMatchSkipStrategy skip;
  private final KeyedStateCache cache;
  private final CachedState<Boolean, NFAState.Stored, NFAState.Stored> nfaStates;
  private final SharedBuffer<IN> buffer;
  private final LongSupplier processingTime;
  private NFAState current;

  PatternMatcher(CompiledPattern<IN> pattern, boolean handleTimeout, KeyedStateCache cache, String prefix,
      TypeSerializer<IN> eventSerializer, LongSupplier processingTime) {
    this.nfa = pattern.createNFA(handleTimeout);
    this.skip = pattern.afterMatchSkipStrategy();
    this.cache = cache;
    this.nfaStates = cache.value(nfaStateDescriptor(prefix));
    this.buffer = new SharedBuffer<>(cache, prefix + BUFFER_PREFIX, eventSerializer);
    this.processingTime = processingTime;
  }

  /** The descriptor of the runs' state (read ahead in the asynchronous execution model). */
  static ValueStateDescriptor<NFAState.Stored> nfaStateDescriptor(String prefix) {
    return new ValueStateDescriptor<>(prefix + "nfa-state", NFAState.SERIALIZER);
  }

  /** The descriptor of the shared buffer's arrivals index (read ahead in the asynchronous execution model). */
  static ValueStateDescriptor<TimestampCounts> arrivalsDescriptor(String prefix) {
    return SharedBuffer.arrivalsDescriptor(prefix + BUFFER_PREFIX);
  }

  /** The names of the keyed states a matcher with {@code prefix} keeps (for finding the keys that have any). */
  static List<String> stateNames(String prefix) {
    return List.of(prefix + "nfa-state", prefix + BUFFER_PREFIX + "events", prefix + BUFFER_PREFIX + "nodes",
        prefix + BUFFER_PREFIX + "event-arrivals");
  }

  void open(RuntimeContext runtimeContext) throws Exception {
    nfa.open(runtimeContext, new OpenContext() {});
  }

  void close() throws Exception {
    nfa.close();
  }

  /** Starts a step for the current key. */
  void load() throws Exception {
    NFAState.Stored stored = nfaStates.get(CachedState.VALUE);
    current = stored != null ? NFAState.fromStored(stored) : nfa.createInitialNFAState();
  }

  void processEvent(IN event, long timestamp, MatchEmitter<IN> out) throws Exception {
    List<Map<String, List<IN>>> matches = nfa.process(buffer, current, event, timestamp, skip, processingTime);
    if (nfa.getWindowTime() > 0 && current.isNewStartPartialMatch()) {
      out.registerTimer(timestamp + nfa.getWindowTime());
    }
    for (Map<String, List<IN>> m : matches) {
      out.match(m, timestamp);
    }
  }

  /** No event before {@code timestamp} will come: emits the matches and timeouts that makes. */
  void advanceTime(long timestamp, MatchEmitter<IN> out) throws Exception {
    NFA.TimeResult<IN> result = nfa.advanceTime(buffer, current, timestamp, skip);
    for (Map<String, List<IN>> m : result.matches()) {
      out.match(m, timestamp);
    }
    for (NFA.TimedOut<IN> t : result.timedOut()) {
      out.timedOut(t.match(), t.timestamp());
    }
  }

  /**
   * Ends the step: writes the runs back if they changed. A key left with only its start runs
   * and nothing pending keeps no state.
   */
  void store() throws Exception {
    if (current.completedMatches().isEmpty() && current.partialMatches().stream()
        .allMatch(run -> run.startEventId() == null)) {
      nfaStates.remove(CachedState.VALUE);
    } else if (current.isStateChanged()) {
      nfaStates.put(CachedState.VALUE, current.toStored());
    }
    current = null;
  }

  /**
   * The pattern was replaced or removed: forgets the cached runs and buffer of every key, so that
   * only the keyed state {@link #clear} then drops is left.
   */
  void discardCache() {
    for (CachedState<?, ?, ?> state : buffer.cachedStates()) {
      cache.discard(state);
    }
    cache.discard(nfaStates);
  }

  /** Drops the current key's runs and buffer (the pattern was replaced; call {@link #discardCache} first). */
  void clear() throws Exception {
    nfaStates.clear();
    buffer.clear();
    current = null;
  }
}
