package io.eddy.cep.nfa;

import io.eddy.api.functions.OpenContext;
import io.eddy.api.functions.RichFunction;
import io.eddy.api.functions.RuntimeContext;
import io.eddy.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import io.eddy.cep.nfa.sharedbuffer.EventId;
import io.eddy.cep.nfa.sharedbuffer.NodeId;
import io.eddy.cep.nfa.sharedbuffer.SharedBuffer;
import io.eddy.cep.pattern.conditions.IterativeCondition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The non-deterministic automaton of a compiled pattern and the rules by which it consumes
 * events, after SASE ("Efficient Pattern Matching over Event Streams") as Flink implements it.
 * The automaton itself is immutable and shared by all keys; a key's runs are an
 * {@link NFAState} and its matched events a {@link SharedBuffer}, both passed in.
 *
 * <p>For each event every run follows the edges whose conditions hold: PROCEED edges are
 * followed at once (epsilon), TAKE edges accept the event into the shared buffer under a new
 * Dewey version, IGNORE edges skip it. A run reaching the final state is a match; one reaching
 * a stop state (a violated negation) is dropped. {@link #advanceTime} ends the runs that left
 * their {@code within} window: pending trailing-{@code notFollowedBy} runs become matches, the
 * others time out.
 */
public final class NFA<T> {
  private final Map<String, State<T>> states;
  private final Map<String, Long> windowTimes;
  private final long windowTime;
  private final boolean handleTimeout;

  /** A timed-out partial match and the time it timed out at. */
  public record TimedOut<T>(Map<String, List<T>> match, long timestamp) {}

  /** What advancing time produced: matches completed by it, and partial matches that timed out. */
  public record TimeResult<T>(List<Map<String, List<T>>> matches, List<TimedOut<T>> timedOut) {}

  public NFA(Collection<State<T>> states, Map<String, Long> windowTimes, long windowTime, boolean handleTimeout) {
    Map<String, State<T>> byName = new HashMap<>();
    for (State<T> s : states) {
      byName.put(s.name(), s);
    }
    this.states = Map.copyOf(byName);
    this.windowTimes = Map.copyOf(windowTimes);
    this.windowTime = windowTime;
    this.handleTimeout = handleTimeout;
  }

  /** The {@code within} bound from first to last event, 0 for none. */
  public long getWindowTime() {
    return windowTime;
  }

  public Collection<State<T>> getStates() {
    return states.values();
  }

  /** The state of a key that has seen nothing: one run per start state. */
  public NFAState createInitialNFAState() {
    List<ComputationState> runs = new ArrayList<>();
    for (State<T> s : states.values()) {
      if (s.isStart()) {
        runs.add(ComputationState.start(s.name(), new DeweyNumber(1)));
      }
    }
    return new NFAState(runs, new ArrayList<>());
  }

  /** Opens the rich conditions of all edges. */
  public void open(RuntimeContext runtimeContext, OpenContext openContext) throws Exception {
    for (State<T> s : states.values()) {
      for (StateTransition<T> t : s.transitions()) {
        if (t.condition() instanceof RichFunction rich) {
          rich.setRuntimeContext(runtimeContext);
          rich.open(openContext);
        }
      }
    }
  }

  public void close() throws Exception {
    for (State<T> s : states.values()) {
      for (StateTransition<T> t : s.transitions()) {
        if (t.condition() instanceof RichFunction rich) {
          rich.close();
        }
      }
    }
  }

  /**
   * Feeds one event (at {@code timestamp}) to all runs and returns the matches it completed
   * that the skip strategy lets out now, earliest start first.
   */
  public List<Map<String, List<T>>> process(SharedBuffer<T> buffer, NFAState nfaState, T event, long timestamp,
      AfterMatchSkipStrategy skip, LongSupplier processingTime) throws Exception {
    CurrentEvent<T> current = new CurrentEvent<>(event, timestamp, buffer);
    try {
      List<ComputationState> newPartial = new ArrayList<>();
      List<ComputationState> potentialMatches = new ArrayList<>();
      for (ComputationState run : nfaState.partialMatches()) {
        List<ComputationState> next = computeNextStates(buffer, run, current, processingTime);
        if (next.size() != 1 || !next.get(0).equals(run)) {
          nfaState.setStateChanged();
        }
        List<ComputationState> retained = new ArrayList<>();
        boolean stopped = false;
        for (ComputationState n : next) {
          if (isStart(run) && n.startEventId() != null) {
            nfaState.setNewStartPartialMatch();
          }
          State<T> state = state(n);
          if (state.isFinal()) {
            potentialMatches.add(n);
          } else if (state.isStop()) {
            stopped = true;
            buffer.releaseNode(n.previousEntry(), n.version());
          } else {
            retained.add(n);
          }
        }
        if (stopped) {
          for (ComputationState r : retained) {
            buffer.releaseNode(r.previousEntry(), r.version());
          }
        } else {
          newPartial.addAll(retained);
        }
      }
      if (!potentialMatches.isEmpty()) {
        nfaState.setStateChanged();
      }
      newPartial.sort(NFAState.BY_START);
      potentialMatches.sort(NFAState.BY_START);
      List<Map<String, List<T>>> result = new ArrayList<>();
      emitMatches(buffer, nfaState, skip, potentialMatches, newPartial, result);
      nfaState.setPartialMatches(newPartial);
      return result;
    } finally {
      current.release();
    }
  }

  /**
   * No event before {@code timestamp} will come: ends the runs whose window has passed and
   * returns the matches and timeouts that produced.
   */
  public TimeResult<T> advanceTime(SharedBuffer<T> buffer, NFAState nfaState, long timestamp,
      AfterMatchSkipStrategy skip) throws Exception {
    List<Map<String, List<T>>> matches = new ArrayList<>();
    List<TimedOut<T>> timedOut = new ArrayList<>();
    List<ComputationState> newPartial = new ArrayList<>();
    List<ComputationState> potentialMatches = new ArrayList<>();
    for (ComputationState run : nfaState.partialMatches()) {
      Long stepWindow = windowTimes.get(run.stateName());
      boolean previousTimedOut = stepWindow != null && timedOut(run, timestamp, run.previousTimestamp(), stepWindow);
      boolean firstTimedOut = timedOut(run, timestamp, run.startTimestamp(), windowTime);
      if (!previousTimedOut && !firstTimedOut) {
        newPartial.add(run);
        continue;
      }
      nfaState.setStateChanged();
      if (state(run).isPending()) {
        potentialMatches.add(run);
        continue;
      }
      if (handleTimeout) {
        long at = previousTimedOut ? run.previousTimestamp() + stepWindow : run.startTimestamp() + windowTime;
        timedOut.add(new TimedOut<>(buffer.materializeMatch(currentMatch(buffer, run)), at));
      }
      buffer.releaseNode(run.previousEntry(), run.version());
    }
    emitMatches(buffer, nfaState, skip, potentialMatches, newPartial, matches);
    nfaState.setPartialMatches(newPartial);
    buffer.advanceTime(timestamp);
    return new TimeResult<>(matches, timedOut);
  }

  private boolean timedOut(ComputationState run, long now, long since, long window) {
    return !isStart(run) && window > 0 && now - since >= window;
  }

  /**
   * Moves new matches to the completed ones and emits completed matches earliest first; under a
   * skip strategy only those starting no later than every remaining partial match, each
   * pruning the runs it rules out.
   */
  private void emitMatches(SharedBuffer<T> buffer, NFAState nfaState, AfterMatchSkipStrategy skip,
      List<ComputationState> newMatches, List<ComputationState> partial, List<Map<String, List<T>>> result)
      throws Exception {
    nfaState.addCompleted(newMatches);
    List<ComputationState> completed = nfaState.completedMatches();
    while (!completed.isEmpty()) {
      ComputationState earliest = completed.get(0);
      if (skip.isSkipStrategy() && !partial.isEmpty() && NFAState.BY_START.compare(earliest, partial.get(0)) > 0) {
        break;
      }
      nfaState.setStateChanged();
      completed.remove(0);
      List<Map<String, List<EventId>>> paths = buffer.extractPatterns(earliest.previousEntry(), earliest.version());
      if (paths.isEmpty()) {
        throw new IllegalStateException("The shared buffer lost the events of match " + earliest);
      }
      skip.prune(partial, paths.get(0), buffer);
      skip.prune(completed, paths.get(0), buffer);
      result.add(buffer.materializeMatch(paths.get(0)));
      buffer.releaseNode(earliest.previousEntry(), earliest.version());
    }
  }

  private List<ComputationState> computeNextStates(SharedBuffer<T> buffer, ComputationState run,
      CurrentEvent<T> event, LongSupplier processingTime) throws Exception {
    ConditionContext context = new ConditionContext(buffer, run, event.timestamp, processingTime);
    OutgoingEdges<T> edges = decisionGraph(context, run, event.value);
    int takeBranches = edges.takeBranches;
    int ignoreBranches = edges.ignoreBranches;
    int takeBranchesToVisit = Math.max(0, takeBranches - 1);
    int ignoreBranchesToVisit = ignoreBranches;
    int takesToSkip = Math.max(0, takeBranches - 1);
    boolean fromStart = isStart(run);
    List<ComputationState> result = new ArrayList<>();
    for (StateTransition<T> edge : edges.edges) {
      switch (edge.action()) {
        case IGNORE -> {
          if (fromStart) {
            break;
          }
          DeweyNumber version;
          if (edge.target().name().equals(run.stateName())) {
            version = run.version().increase(branchesFromHere(ignoreBranches, takeBranches));
          } else {
            version = run.version().increase(takesToSkip + ignoreBranchesToVisit).addStage();
            ignoreBranchesToVisit--;
          }
          add(buffer, result, edge.target(), run.previousEntry(), version, run.startEventId(),
              run.startTimestamp(), run.previousTimestamp());
        }
        case TAKE -> {
          DeweyNumber currentVersion = run.version().increase(takeBranchesToVisit);
          DeweyNumber nextVersion = currentVersion.addStage();
          takeBranchesToVisit--;
          EventId eventId = event.id();
          NodeId entry = buffer.put(StateNames.original(edge.source().name()), eventId, run.previousEntry(),
              currentVersion);
          EventId startId = fromStart ? eventId : run.startEventId();
          long startTimestamp = fromStart ? event.timestamp : run.startTimestamp();
          add(buffer, result, edge.target(), entry, nextVersion, startId, startTimestamp, event.timestamp);
          State<T> finalState = finalStateAfterProceed(context, edge.target(), event.value);
          if (finalState != null) {
            add(buffer, result, finalState, entry, nextVersion, startId, startTimestamp, event.timestamp);
          }
        }
        case PROCEED -> throw new IllegalStateException("Proceed edges are followed while building the decision graph");
      }
    }
    if (fromStart) {
      result.add(ComputationState.start(run.stateName(),
          run.version().increase(branchesFromHere(ignoreBranches, takeBranches))));
    }
    if (run.previousEntry() != null) {
      buffer.releaseNode(run.previousEntry(), run.version());
    }
    return result;
  }

  private static int branchesFromHere(int ignoreBranches, int takeBranches) {
    return takeBranches == 0 && ignoreBranches == 0 ? 0 : ignoreBranches + Math.max(1, takeBranches);
  }

  private void add(SharedBuffer<T> buffer, List<ComputationState> result, State<T> state, NodeId previous,
      DeweyNumber version, EventId startId, long startTimestamp, long previousTimestamp) throws Exception {
    result.add(new ComputationState(state.name(), version, previous, startId, startTimestamp, previousTimestamp));
    buffer.lockNode(previous, version);
  }

  /** The take and ignore edges reachable from the run's state through proceed edges whose conditions hold. */
  private OutgoingEdges<T> decisionGraph(ConditionContext context, ComputationState run, T event) {
    State<T> state = state(run);
    OutgoingEdges<T> edges = new OutgoingEdges<>(state);
    Deque<State<T>> toVisit = new ArrayDeque<>();
    toVisit.push(state);
    while (!toVisit.isEmpty()) {
      State<T> current = toVisit.pop();
      for (StateTransition<T> t : current.transitions()) {
        if (holds(context, t.condition(), event)) {
          if (t.action() == TransitionAction.PROCEED) {
            toVisit.push(t.target());
          } else {
            edges.add(t);
          }
        }
      }
    }
    return edges;
  }

  /** The final state reachable from {@code state} by proceed edges alone, if any (an optional tail). */
  private State<T> finalStateAfterProceed(ConditionContext context, State<T> state, T event) {
    Deque<State<T>> toVisit = new ArrayDeque<>();
    toVisit.push(state);
    while (!toVisit.isEmpty()) {
      State<T> current = toVisit.pop();
      for (StateTransition<T> t : current.transitions()) {
        if (t.action() == TransitionAction.PROCEED && holds(context, t.condition(), event)) {
          if (t.target().isFinal()) {
            return t.target();
          }
          toVisit.push(t.target());
        }
      }
    }
    return null;
  }

  private boolean holds(ConditionContext context, IterativeCondition<T> condition, T event) {
    try {
      return condition == null || condition.filter(event, context);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("A pattern condition failed", e);
    }
  }

  private Map<String, List<EventId>> currentMatch(SharedBuffer<T> buffer, ComputationState run) throws Exception {
    if (run.previousEntry() == null) {
      return new LinkedHashMap<>();
    }
    List<Map<String, List<EventId>>> paths = buffer.extractPatterns(run.previousEntry(), run.version());
    if (paths.size() > 1) {
      throw new IllegalStateException("A run has " + paths.size() + " paths in the shared buffer: " + run);
    }
    return paths.isEmpty() ? new LinkedHashMap<>() : paths.get(0);
  }

  private State<T> state(ComputationState run) {
    State<T> state = states.get(run.stateName());
    if (state == null) {
      throw new IllegalStateException("State " + run.stateName() + " is not in this NFA (states " + states.keySet()
          + "): the pattern changed incompatibly since the state was written");
    }
    return state;
  }

  private boolean isStart(ComputationState run) {
    return state(run).isStart();
  }

  /** The take and ignore edges of one step, counted for Dewey versioning (self-ignores do not branch). */
  private static final class OutgoingEdges<T> {
    final List<StateTransition<T>> edges = new ArrayList<>();
    final State<T> from;
    int takeBranches;
    int ignoreBranches;

    OutgoingEdges(State<T> from) {
      this.from = from;
    }

    void add(StateTransition<T> edge) {
      boolean selfIgnore = edge.action() == TransitionAction.IGNORE && edge.target().name().equals(from.name());
      if (!selfIgnore) {
        if (edge.action() == TransitionAction.IGNORE) {
          ignoreBranches++;
        } else if (edge.action() == TransitionAction.TAKE) {
          takeBranches++;
        }
      }
      edges.add(edge);
    }
  }

  /** The event being processed; put into the buffer on its first take, released when the step ends. */
  private static final class CurrentEvent<T> {
    final T value;
    final long timestamp;
    private final SharedBuffer<T> buffer;
    private EventId id;

    CurrentEvent(T value, long timestamp, SharedBuffer<T> buffer) {
      this.value = value;
      this.timestamp = timestamp;
      this.buffer = buffer;
    }

    EventId id() throws Exception {
      if (id == null) {
        id = buffer.registerEvent(value, timestamp);
      }
      return id;
    }

    void release() throws Exception {
      if (id != null) {
        buffer.releaseEvent(id);
      }
    }
  }

  /** What a condition sees: the events of the run it is evaluated for, materialized on first use. */
  private final class ConditionContext implements IterativeCondition.Context<T> {
    private final SharedBuffer<T> buffer;
    private final ComputationState run;
    private final long timestamp;
    private final LongSupplier processingTime;
    private Map<String, List<T>> matched;

    ConditionContext(SharedBuffer<T> buffer, ComputationState run, long timestamp, LongSupplier processingTime) {
      this.buffer = buffer;
      this.run = run;
      this.timestamp = timestamp;
      this.processingTime = processingTime;
    }

    @Override
    public Iterable<T> getEventsForPattern(String name) throws Exception {
      java.util.Objects.requireNonNull(name, "name");
      if (matched == null) {
        matched = buffer.materializeMatch(currentMatch(buffer, run));
      }
      return matched.getOrDefault(name, List.of());
    }

    @Override
    public long timestamp() {
      return timestamp;
    }

    @Override
    public long currentProcessingTime() {
      return processingTime.getAsLong();
    }
  }
}
