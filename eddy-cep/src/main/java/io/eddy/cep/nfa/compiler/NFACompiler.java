package io.eddy.cep.nfa.compiler;

import io.eddy.cep.nfa.State;
import io.eddy.cep.nfa.StateNames;
import io.eddy.cep.nfa.StateTransition;
import io.eddy.cep.nfa.TransitionAction;
import io.eddy.cep.pattern.GroupPattern;
import io.eddy.cep.pattern.MalformedPatternException;
import io.eddy.cep.pattern.Pattern;
import io.eddy.cep.pattern.Quantifier.ConsumingStrategy;
import io.eddy.cep.pattern.Quantifier.QuantifierProperty;
import io.eddy.cep.pattern.Times;
import io.eddy.cep.pattern.WithinType;
import io.eddy.cep.pattern.conditions.AndCondition;
import io.eddy.cep.pattern.conditions.BooleanConditions;
import io.eddy.cep.pattern.conditions.IterativeCondition;
import io.eddy.cep.pattern.conditions.NotCondition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a {@link Pattern} into NFA states, walking the steps from the last to the first so
 * that each step's states can point at the states of the step after it. The shape of the
 * automaton is Flink's, which is what defines the matching semantics:
 *
 * <ul>
 *   <li>a single step: a state with a TAKE edge to the next step, an IGNORE edge when the
 *       contiguity allows skipping events (relaxed: events not meeting the condition;
 *       non-deterministic: every event), a PROCEED edge past it when optional;
 *   <li>{@code times(n, m)}: n mandatory states, m - n optional ones; a loop: one state with a
 *       TAKE edge to itself and a PROCEED edge out (the inner contiguity of {@code consecutive}
 *       / {@code allowCombinations} decides its IGNORE edge); {@code greedy} narrows the
 *       next step's edges to events the loop does not take; {@code until} ends the loop;
 *   <li>negations become edges to stop states (a run reaching one is dropped); a trailing
 *       {@code notFollowedBy} becomes a pending state that completes when the window ends;
 *   <li>a group step compiles its inner pattern in place, looping groups through a dummy state.
 * </ul>
 *
 * Not thread-safe; one instance per compilation.
 */
public final class NFACompiler<T> {
  static final String ENDING_STATE_NAME = "$endState$";

  private final StateNames names = new StateNames();
  private final Map<String, State<T>> stopStates = new HashMap<>();
  private final List<State<T>> states = new ArrayList<>();
  private final Map<String, Long> windowTimes = new HashMap<>();
  private final Map<GroupPattern<T, ?>, Boolean> firstOfLoop = new IdentityHashMap<>();
  private final Map<String, State<T>> greedyUntilCopies = new HashMap<>();
  private Long windowTime;
  private GroupPattern<T, ?> currentGroup;
  private Pattern<T, ?> current;
  private Pattern<T, ?> following;

  private NFACompiler(Pattern<T, ?> pattern) {
    this.current = pattern;
  }

  /** Compiles {@code pattern} (its last step), checking that it is well formed. */
  public static <T> CompiledPattern<T> compile(Pattern<T, ?> pattern) {
    java.util.Objects.requireNonNull(pattern, "pattern");
    NFACompiler<T> compiler = new NFACompiler<>(pattern);
    compiler.compile();
    return new CompiledPattern<>(List.copyOf(compiler.states), Map.copyOf(compiler.windowTimes),
        compiler.windowTime(), pattern.getAfterMatchSkipStrategy());
  }

  /** True when the pattern can match no event at all (e.g. {@code a*} or {@code a?}). */
  public static boolean canProduceEmptyMatches(Pattern<?, ?> pattern) {
    CompiledPattern<?> compiled = compile(pattern);
    List<State<?>> toVisit = new ArrayList<>();
    java.util.Set<State<?>> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    compiled.states().stream().filter(State::isStart).forEach(toVisit::add);
    while (!toVisit.isEmpty()) {
      State<?> s = toVisit.remove(toVisit.size() - 1);
      if (!seen.add(s)) {
        continue;
      }
      for (StateTransition<?> t : s.transitions()) {
        if (t.action() == TransitionAction.PROCEED) {
          if (t.target().isFinal()) {
            return true;
          }
          toVisit.add(t.target());
        }
      }
    }
    return false;
  }

  private void compile() {
    Pattern<T, ?> last = current;
    checkNamesUnique();
    checkSkipStrategy();
    State<T> sink = createEndingState();
    sink = createMiddleStates(sink);
    convertPattern(sink).makeStart();
    checkWindowTimes();
    if (last.getQuantifier().getConsumingStrategy() == ConsumingStrategy.NOT_FOLLOW
        && windowTimes.getOrDefault(last.getName(), 0L) <= 0 && windowTime() == 0) {
      throw new MalformedPatternException(
          "NotFollowedBy is not supported without windowTime as a last part of a Pattern: add within(...)");
    }
  }

  private long windowTime() {
    return windowTime == null ? 0 : windowTime;
  }

  private void checkNamesUnique() {
    names.requireUnique(ENDING_STATE_NAME);
    for (Pattern<T, ?> p = current; p != null; p = p.getPrevious()) {
      checkNamesUnique(p);
    }
    names.clear();
  }

  @SuppressWarnings("unchecked")
  private void checkNamesUnique(Pattern<T, ?> pattern) {
    if (pattern instanceof GroupPattern<T, ?> group) {
      for (Pattern<T, ?> p = (Pattern<T, ?>) group.getRawPattern(); p != null; p = p.getPrevious()) {
        checkNamesUnique(p);
      }
    } else {
      names.requireUnique(pattern.getName());
    }
  }

  private void checkSkipStrategy() {
    String target = current.getAfterMatchSkipStrategy().getPatternName().orElse(null);
    if (target == null) {
      return;
    }
    for (Pattern<T, ?> p = current; p != null; p = p.getPrevious()) {
      if (p.getName().equals(target)) {
        return;
      }
    }
    throw new MalformedPatternException("The after-match skip strategy refers to pattern '" + target
        + "', which is not in the pattern");
  }

  private void checkWindowTimes() {
    if (windowTime != null && windowTimes.values().stream().anyMatch(t -> t > windowTime)) {
      throw new MalformedPatternException("The window between the previous and the current event cannot be "
          + "larger than the window between the first and the last event of a pattern");
    }
  }

  private State<T> createEndingState() {
    State<T> end = createState(ENDING_STATE_NAME, State.Kind.FINAL);
    windowTime = current.getWindowSize().map(Duration::toMillis).orElse(null);
    return end;
  }

  /** Converts the steps after the first one, from the last backwards; returns the second step's first state. */
  @SuppressWarnings("unchecked")
  private State<T> createMiddleStates(State<T> sink) {
    State<T> lastSink = sink;
    while (current.getPrevious() != null) {
      ConsumingStrategy strategy = current.getQuantifier().getConsumingStrategy();
      if (strategy == ConsumingStrategy.NOT_FOLLOW) {
        // a notFollowedBy before another step becomes stop edges of the states around it;
        // only a trailing one (with a window) gets a state of its own
        if ((current.getWindowSize(WithinType.PREVIOUS_AND_CURRENT).isPresent() || windowTime() > 0)
            && lastSink.isFinal()) {
          State<T> pending = createState(State.Kind.PENDING, true);
          IterativeCondition<T> not = takeCondition(current);
          pending.addProceed(stopState(not, current.getName()), not);
          pending.addIgnore(new NotCondition<>(not));
          lastSink = pending;
        }
      } else if (strategy == ConsumingStrategy.NOT_NEXT) {
        State<T> notNext = createState(State.Kind.NORMAL, true);
        IterativeCondition<T> not = takeCondition(current);
        State<T> stop = stopState(not, current.getName());
        if (lastSink.isFinal()) {
          notNext.addIgnore(lastSink, new NotCondition<>(not)); // ignore: the final state must not be proceeded to
        } else {
          notNext.addProceed(lastSink, new NotCondition<>(not));
        }
        notNext.addProceed(stop, not);
        lastSink = notNext;
      } else {
        lastSink = convertPattern(lastSink);
      }
      following = current;
      current = (Pattern<T, ?>) current.getPrevious();
      current.getWindowSize().map(Duration::toMillis)
          .filter(w -> w < (windowTime == null ? Long.MAX_VALUE : windowTime))
          .ifPresent(w -> windowTime = w);
    }
    return lastSink;
  }

  private State<T> convertPattern(State<T> sink) {
    State<T> first;
    if (current.getQuantifier().hasProperty(QuantifierProperty.LOOPING)) {
      // once the loop has started, negations before the optional steps no longer apply
      setFirstOfLoop(false);
      State<T> looping = createLooping(copyWithoutTransitiveNots(sink));
      setFirstOfLoop(true);
      first = createTimesState(looping, sink, current.getTimes());
    } else if (current.getQuantifier().hasProperty(QuantifierProperty.TIMES)) {
      first = createTimesState(sink, sink, current.getTimes());
    } else {
      first = createSingletonState(sink, sink, takeCondition(current), ignoreCondition(current), isOptional(current));
    }
    addStopStates(first);
    return first;
  }

  /** A state named after the current step; a taking state records the step's window between events. */
  private State<T> createState(State.Kind kind, boolean isTake) {
    State<T> state = createState(current.getName(), kind);
    if (isTake) {
      Times times = current.getTimes();
      if (times == null) {
        current.getWindowSize(WithinType.PREVIOUS_AND_CURRENT)
            .ifPresent(w -> windowTimes.put(state.name(), w.toMillis()));
      } else if (state.name().contains(":")) {
        times.getWindowSize().ifPresent(w -> windowTimes.put(state.name(), w.toMillis()));
      }
    }
    return state;
  }

  private State<T> createState(String name, State.Kind kind) {
    State<T> state = new State<>(names.unique(name), kind);
    states.add(state);
    return state;
  }

  /** The one stop state of a negated step, reached by the negated condition. */
  private State<T> stopState(IterativeCondition<T> notCondition, String name) {
    return stopStates.computeIfAbsent(name, n -> {
      State<T> stop = createState(n, State.Kind.STOP);
      stop.addTake(notCondition);
      return stop;
    });
  }

  /**
   * The notFollowedBy conditions that still apply before the current step: those of the
   * negated steps right before it, past optional steps.
   */
  @SuppressWarnings("unchecked")
  private List<Negation<T>> currentNegations() {
    List<Negation<T>> negations = new ArrayList<>();
    Pattern<T, ?> p = current;
    while (p.getPrevious() != null && (p.getPrevious().getQuantifier().hasProperty(QuantifierProperty.OPTIONAL)
        || p.getPrevious().getQuantifier().getConsumingStrategy() == ConsumingStrategy.NOT_FOLLOW)) {
      p = (Pattern<T, ?>) p.getPrevious();
      if (p.getQuantifier().getConsumingStrategy() == ConsumingStrategy.NOT_FOLLOW) {
        negations.add(new Negation<>(takeCondition(p), p.getName()));
      }
    }
    return negations;
  }

  private record Negation<T>(IterativeCondition<T> condition, String name) {}

  /**
   * For an optional step after negations: a copy of {@code sink} without the stop edges of
   * those negations, the target of the step's TAKE edge, since accepting an event of the
   * optional step ends them (e.g. begin(a).notFollowedBy(b).followedByAny(c).optional()
   * .followedByAny(d) matches a c b d but not a b d).
   */
  private State<T> copyWithoutTransitiveNots(State<T> sink) {
    List<Negation<T>> negations = currentNegations();
    if (negations.isEmpty() || !current.getQuantifier().hasProperty(QuantifierProperty.OPTIONAL)) {
      return sink;
    }
    State<T> copy = createState(sink.name(), sink.kind());
    for (StateTransition<T> t : sink.transitions()) {
      if (t.action() == TransitionAction.PROCEED) {
        State<T> target = t.target();
        if (target.isStop()) {
          if (negations.stream().anyMatch(n -> n.name().equals(target.name()))) {
            continue;
          }
          copy.addTransition(t.action(), target, t.condition());
        } else {
          copy.addTransition(t.action(), copyWithoutTransitiveNots(target), t.condition());
        }
      } else {
        copy.addTransition(t.action(), t.target() == t.source() ? copy : t.target(), t.condition());
      }
    }
    return copy;
  }

  private State<T> copy(State<T> state) {
    State<T> copy = createState(StateNames.original(state.name()), state.kind());
    for (StateTransition<T> t : state.transitions()) {
      copy.addTransition(t.action(), t.target() == t.source() ? copy : t.target(), t.condition());
    }
    return copy;
  }

  private void addStopStates(State<T> state) {
    for (Negation<T> n : currentNegations()) {
      state.addProceed(stopState(n.condition(), n.name()), n.condition());
    }
  }

  /** Inside a loop or times step followed by notFollowedBy: a negated event ends the run. */
  @SuppressWarnings("unchecked")
  private void addStopStateToLooping(State<T> state) {
    if (following != null && following.getQuantifier().getConsumingStrategy() == ConsumingStrategy.NOT_FOLLOW) {
      IterativeCondition<T> not = takeCondition((Pattern<T, ?>) following);
      state.addProceed(stopState(not, following.getName()), not);
    }
  }

  /**
   * The states of a times step (or of the mandatory head of a loop): {@code times.from} states
   * in a row, then {@code to - from} optional ones, each proceeding to {@code proceedState}.
   */
  @SuppressWarnings("unchecked")
  private State<T> createTimesState(State<T> sink, State<T> proceedState, Times times) {
    State<T> lastSink = sink;
    setFirstOfLoop(false);
    IterativeCondition<T> until = (IterativeCondition<T>) current.getUntilCondition();
    IterativeCondition<T> innerIgnore = withUntil(innerIgnoreCondition(current), until, false);
    IterativeCondition<T> take = withUntil(takeCondition(current), until, true);
    if (current.getQuantifier().hasProperty(QuantifierProperty.GREEDY) && times.getFrom() != times.getTo()) {
      if (until != null) {
        greedyUntilCopies.put(sink.name(), copy(sink));
      }
      narrowForGreedy(sink, take);
    }
    for (int i = times.getFrom(); i < times.getTo(); i++) {
      lastSink = createSingletonState(lastSink, proceedState, take, innerIgnore, true);
      addStopStateToLooping(lastSink);
    }
    for (int i = 0; i < times.getFrom() - 1; i++) {
      lastSink = createSingletonState(lastSink, null, take, innerIgnore, false);
      addStopStateToLooping(lastSink);
    }
    setFirstOfLoop(true);
    return createSingletonState(lastSink, proceedState, take, ignoreCondition(current), isOptional(current));
  }

  private void setFirstOfLoop(boolean first) {
    if (current instanceof GroupPattern<T, ?> group) {
      firstOfLoop.put(group, first);
    }
  }

  /** True when the current group is not quantified, or its states being built are the first of its loop. */
  private boolean isCurrentGroupFirstOfLoop() {
    return firstOfLoop.getOrDefault(currentGroup, true);
  }

  private boolean headOfGroup(Pattern<T, ?> pattern) {
    return currentGroup != null && pattern.getPrevious() == null;
  }

  private boolean isOptional(Pattern<T, ?> pattern) {
    return pattern.getQuantifier().hasProperty(QuantifierProperty.OPTIONAL);
  }

  private boolean isHeadOfOptionalGroup(Pattern<T, ?> pattern) {
    return headOfGroup(pattern) && isCurrentGroupFirstOfLoop()
        && currentGroup.getQuantifier().hasProperty(QuantifierProperty.OPTIONAL);
  }

  /**
   * One state of the current step: TAKE to {@code sink}, PROCEED to {@code proceedState} when
   * optional, IGNORE per {@code ignore}. An optional step ignores into a twin state without the
   * PROCEED edge, so that skipping events does not branch a new proceed each time.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private State<T> createSingletonState(State<T> sink, State<T> proceedState, IterativeCondition<T> take,
      IterativeCondition<T> ignore, boolean optional) {
    if (current instanceof GroupPattern group) {
      return createGroupPatternState((GroupPattern<T, ?>) group, sink, proceedState, optional);
    }
    State<T> single = createState(State.Kind.NORMAL, true);
    State<T> takeTarget = copyWithoutTransitiveNots(sink);
    single.addTake(takeTarget, take);
    IterativeCondition<T> proceed = trueCondition();
    if (optional) {
      IterativeCondition<T> until = (IterativeCondition<T>) current.getUntilCondition();
      if (current.getQuantifier().hasProperty(QuantifierProperty.GREEDY) && until != null) {
        single.addProceed(greedyUntilCopies.get(proceedState.name()), new AndCondition<>(proceed, until));
        single.addProceed(proceedState, new AndCondition<>(proceed, new NotCondition<>(until)));
      } else {
        single.addProceed(proceedState, proceed);
      }
    }
    if (ignore != null) {
      State<T> ignoreState = single;
      if (optional || isHeadOfOptionalGroup(current)) {
        ignoreState = createState(State.Kind.NORMAL, false);
        ignoreState.addTake(takeTarget, take);
        ignoreState.addIgnore(ignore);
        addStopStates(ignoreState);
      }
      single.addIgnore(ignoreState, ignore);
    }
    return single;
  }

  /** The states of a group step, in place: its inner pattern compiled between {@code sink} and here. */
  @SuppressWarnings("unchecked")
  private State<T> createGroupPatternState(GroupPattern<T, ?> group, State<T> sink, State<T> proceedState,
      boolean optional) {
    IterativeCondition<T> proceed = trueCondition();
    Pattern<T, ?> savedCurrent = current;
    Pattern<T, ?> savedFollowing = following;
    GroupPattern<T, ?> savedGroup = currentGroup;
    currentGroup = group;
    current = (Pattern<T, ?>) group.getRawPattern();
    State<T> first = convertPattern(createMiddleStates(sink));
    if (optional) {
      first.addProceed(proceedState, proceed);
    }
    current = savedCurrent;
    following = savedFollowing;
    currentGroup = savedGroup;
    return first;
  }

  /** A looping group: its inner pattern's last state proceeds to a dummy state that leads back to its first. */
  @SuppressWarnings("unchecked")
  private State<T> createLoopingGroupPatternState(GroupPattern<T, ?> group, State<T> sink) {
    IterativeCondition<T> proceed = trueCondition();
    Pattern<T, ?> savedCurrent = current;
    Pattern<T, ?> savedFollowing = following;
    GroupPattern<T, ?> savedGroup = currentGroup;
    State<T> dummy = createState(State.Kind.NORMAL, true);
    currentGroup = group;
    current = (Pattern<T, ?>) group.getRawPattern();
    State<T> first = convertPattern(createMiddleStates(dummy));
    first.addProceed(sink, proceed);
    dummy.addProceed(first, proceed);
    current = savedCurrent;
    following = savedFollowing;
    currentGroup = savedGroup;
    return first;
  }

  /** The looping state of a loop: TAKE to itself, PROCEED to {@code sink}, IGNORE per the inner contiguity. */
  @SuppressWarnings("unchecked")
  private State<T> createLooping(State<T> sink) {
    if (current instanceof GroupPattern<T, ?> group) {
      return createLoopingGroupPatternState(group, sink);
    }
    IterativeCondition<T> until = (IterativeCondition<T>) current.getUntilCondition();
    IterativeCondition<T> ignore = withUntil(innerIgnoreCondition(current), until, false);
    IterativeCondition<T> take = withUntil(takeCondition(current), until, true);
    IterativeCondition<T> proceed = trueCondition();
    State<T> looping = createState(State.Kind.NORMAL, true);
    if (current.getQuantifier().hasProperty(QuantifierProperty.GREEDY)) {
      if (until != null) {
        State<T> sinkCopy = copy(sink);
        looping.addProceed(sinkCopy, new AndCondition<>(proceed, until));
        greedyUntilCopies.put(sink.name(), sinkCopy);
        looping.addProceed(sink, new AndCondition<>(proceed, new NotCondition<>(until)));
      } else {
        looping.addProceed(sink, proceed);
      }
      narrowForGreedy(sink, takeCondition(current));
    } else {
      looping.addProceed(sink, proceed);
    }
    looping.addTake(take);
    addStopStateToLooping(looping);
    if (ignore != null) {
      State<T> ignoreState = createState(State.Kind.NORMAL, false);
      ignoreState.addTake(looping, take);
      ignoreState.addIgnore(ignore);
      looping.addIgnore(ignoreState, ignore);
      addStopStateToLooping(ignoreState);
    }
    return looping;
  }

  /** Joins the until condition: takes need "not until", ignores too when they exist. */
  private static <T> IterativeCondition<T> withUntil(IterativeCondition<T> condition, IterativeCondition<T> until,
      boolean isTake) {
    if (until != null && condition != null) {
      return new AndCondition<>(new NotCondition<>(until), condition);
    }
    if (until != null && isTake) {
      return new NotCondition<>(until);
    }
    return condition;
  }

  /** The IGNORE condition between the events of a loop or times step (null: strict). */
  private IterativeCondition<T> innerIgnoreCondition(Pattern<T, ?> pattern) {
    ConsumingStrategy strategy = headOfGroup(pattern)
        ? currentGroup.getQuantifier().getInnerConsumingStrategy()
        : pattern.getQuantifier().getInnerConsumingStrategy();
    return withGroupUntil(ignoreFor(strategy, pattern));
  }

  /** The IGNORE condition before the first event of a step (null: strict). */
  private IterativeCondition<T> ignoreCondition(Pattern<T, ?> pattern) {
    ConsumingStrategy strategy = pattern.getQuantifier().getConsumingStrategy();
    if (headOfGroup(pattern)) {
      strategy = isCurrentGroupFirstOfLoop()
          ? currentGroup.getQuantifier().getConsumingStrategy()
          : currentGroup.getQuantifier().getInnerConsumingStrategy();
    }
    return withGroupUntil(ignoreFor(strategy, pattern));
  }

  @SuppressWarnings("unchecked")
  private IterativeCondition<T> ignoreFor(ConsumingStrategy strategy, Pattern<T, ?> pattern) {
    return switch (strategy) {
      case SKIP_TILL_NEXT -> new NotCondition<>((IterativeCondition<T>) pattern.getCondition());
      case SKIP_TILL_ANY -> BooleanConditions.trueFunction();
      default -> null;
    };
  }

  @SuppressWarnings("unchecked")
  private IterativeCondition<T> withGroupUntil(IterativeCondition<T> ignore) {
    if (currentGroup != null && currentGroup.getUntilCondition() != null) {
      return withUntil(ignore, (IterativeCondition<T>) currentGroup.getUntilCondition(), false);
    }
    return ignore;
  }

  @SuppressWarnings("unchecked")
  private IterativeCondition<T> takeCondition(Pattern<T, ?> pattern) {
    IterativeCondition<T> take = (IterativeCondition<T>) pattern.getCondition();
    if (currentGroup != null && currentGroup.getUntilCondition() != null) {
      take = withUntil(take, (IterativeCondition<T>) currentGroup.getUntilCondition(), true);
    }
    return take;
  }

  /** Proceed edges: always, except past the until condition of the group being built. */
  @SuppressWarnings("unchecked")
  private IterativeCondition<T> trueCondition() {
    IterativeCondition<T> always = BooleanConditions.trueFunction();
    if (currentGroup != null && currentGroup.getUntilCondition() != null) {
      return withUntil(always, (IterativeCondition<T>) currentGroup.getUntilCondition(), true);
    }
    return always;
  }

  /** A greedy step's following states accept only events the greedy step would not take. */
  private static <T> void narrowForGreedy(State<T> state, IterativeCondition<T> take) {
    for (StateTransition<T> t : state.transitions()) {
      t.setCondition(new AndCondition<>(t.condition(), new NotCondition<>(take)));
    }
  }
}
