package io.eddy.cep.pattern;

import io.eddy.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import io.eddy.cep.pattern.Quantifier.ConsumingStrategy;
import io.eddy.cep.pattern.Quantifier.QuantifierProperty;
import io.eddy.cep.pattern.conditions.AndCondition;
import io.eddy.cep.pattern.conditions.BooleanConditions;
import io.eddy.cep.pattern.conditions.IterativeCondition;
import io.eddy.cep.pattern.conditions.OrCondition;
import io.eddy.cep.pattern.conditions.SubtypeCondition;
import java.io.Serializable;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A sequence pattern, Flink's CEP builder: each call adds a named step linked to the previous
 * one ({@link #next} strict, {@link #followedBy} relaxed, {@link #followedByAny}
 * non-deterministic relaxed, {@link #notNext}/{@link #notFollowedBy} negations), with a
 * condition, a quantifier and time bounds. A pattern is a description only: {@code CEP.pattern}
 * compiles it into an NFA. The builder mutates the step it is called on and links steps
 * backwards ({@link #getPrevious}); the last step stands for the whole pattern.
 *
 * @param <T> the events the whole pattern sees
 * @param <F> the events this step accepts (narrowed by {@link #subtype})
 */
public class Pattern<T, F extends T> implements Serializable {
  private final String name;
  private final Pattern<T, ? extends T> previous;
  private final AfterMatchSkipStrategy afterMatchSkipStrategy;
  private final Map<WithinType, Duration> windowTimes = new EnumMap<>(WithinType.class);
  private IterativeCondition<F> condition;
  private IterativeCondition<F> untilCondition;
  private Quantifier quantifier;
  private Times times;

  protected Pattern(String name, Pattern<T, ? extends T> previous, ConsumingStrategy consumingStrategy,
      AfterMatchSkipStrategy afterMatchSkipStrategy) {
    this.name = name;
    this.previous = previous;
    this.quantifier = Quantifier.one(consumingStrategy);
    this.afterMatchSkipStrategy = Objects.requireNonNull(afterMatchSkipStrategy, "afterMatchSkipStrategy");
  }

  public static <X> Pattern<X, X> begin(String name) {
    return begin(name, AfterMatchSkipStrategy.noSkip());
  }

  public static <X> Pattern<X, X> begin(String name, AfterMatchSkipStrategy afterMatchSkipStrategy) {
    return new Pattern<>(requireName(name), null, ConsumingStrategy.STRICT, afterMatchSkipStrategy);
  }

  /** A pattern that starts with a group: the group's steps, quantified as one. */
  public static <T, F extends T> GroupPattern<T, F> begin(Pattern<T, F> group) {
    return begin(group, AfterMatchSkipStrategy.noSkip());
  }

  public static <T, F extends T> GroupPattern<T, F> begin(Pattern<T, F> group, AfterMatchSkipStrategy skip) {
    return new GroupPattern<>(null, group, ConsumingStrategy.STRICT, skip);
  }

  public String getName() {
    return name;
  }

  public Pattern<T, ? extends T> getPrevious() {
    return previous;
  }

  public Quantifier getQuantifier() {
    return quantifier;
  }

  public Times getTimes() {
    return times;
  }

  public AfterMatchSkipStrategy getAfterMatchSkipStrategy() {
    return afterMatchSkipStrategy;
  }

  /** The condition events must meet; accepts everything when none was given. */
  public IterativeCondition<F> getCondition() {
    return condition != null ? condition : BooleanConditions.trueFunction();
  }

  public IterativeCondition<F> getUntilCondition() {
    return untilCondition;
  }

  public Optional<Duration> getWindowSize() {
    return getWindowSize(WithinType.FIRST_AND_LAST);
  }

  public Optional<Duration> getWindowSize(WithinType withinType) {
    return Optional.ofNullable(windowTimes.get(withinType));
  }

  /** Adds a condition; several {@code where} calls must all hold. */
  public Pattern<T, F> where(IterativeCondition<F> condition) {
    Objects.requireNonNull(condition, "The condition cannot be null");
    this.condition = this.condition == null ? condition : new AndCondition<>(this.condition, condition);
    return this;
  }

  /** Accepts events meeting the conditions so far or this one. */
  public Pattern<T, F> or(IterativeCondition<F> condition) {
    Objects.requireNonNull(condition, "The condition cannot be null");
    this.condition = this.condition == null ? condition : new OrCondition<>(this.condition, condition);
    return this;
  }

  /** Accepts only events of {@code subtypeClass} (and the conditions so far). */
  @SuppressWarnings("unchecked")
  public <S extends F> Pattern<T, S> subtype(Class<S> subtypeClass) {
    Objects.requireNonNull(subtypeClass, "The class cannot be null");
    IterativeCondition<F> subtype = new SubtypeCondition<>(subtypeClass);
    this.condition = this.condition == null ? subtype : new AndCondition<>(this.condition, subtype);
    return (Pattern<T, S>) this;
  }

  /** Ends a looping step at the first event meeting {@code untilCondition} (not accepted). */
  public Pattern<T, F> until(IterativeCondition<F> untilCondition) {
    Objects.requireNonNull(untilCondition, "The condition cannot be null");
    if (this.untilCondition != null) {
      throw new MalformedPatternException("Only one until condition can be applied");
    }
    if (!quantifier.hasProperty(QuantifierProperty.LOOPING)) {
      throw new MalformedPatternException("until() applies to looping patterns only (oneOrMore, timesOrMore)");
    }
    this.untilCondition = untilCondition;
    return this;
  }

  /** The whole match must lie within {@code windowTime} of its first event. */
  public Pattern<T, F> within(Duration windowTime) {
    return within(windowTime, WithinType.FIRST_AND_LAST);
  }

  /** A time bound of the given kind; null leaves the pattern unbounded. */
  public Pattern<T, F> within(Duration windowTime, WithinType withinType) {
    Objects.requireNonNull(withinType, "withinType");
    if (windowTime != null) {
      windowTimes.put(withinType, windowTime);
    }
    return this;
  }

  /** The next event must match (strict contiguity). */
  public Pattern<T, T> next(String name) {
    return new Pattern<>(requireName(name), this, ConsumingStrategy.STRICT, afterMatchSkipStrategy);
  }

  /** The next event must not match. */
  public Pattern<T, T> notNext(String name) {
    requireNotOptionalBeforeNot();
    return new Pattern<>(requireName(name), this, ConsumingStrategy.NOT_NEXT, afterMatchSkipStrategy);
  }

  /** A later event must match; events in between that do not match are skipped (relaxed contiguity). */
  public Pattern<T, T> followedBy(String name) {
    return new Pattern<>(requireName(name), this, ConsumingStrategy.SKIP_TILL_NEXT, afterMatchSkipStrategy);
  }

  /** No matching event may come between the previous and the next step (or before the end of the window). */
  public Pattern<T, T> notFollowedBy(String name) {
    requireNotOptionalBeforeNot();
    return new Pattern<>(requireName(name), this, ConsumingStrategy.NOT_FOLLOW, afterMatchSkipStrategy);
  }

  /** Any later matching event, also past other matching ones (non-deterministic relaxed contiguity). */
  public Pattern<T, T> followedByAny(String name) {
    return new Pattern<>(requireName(name), this, ConsumingStrategy.SKIP_TILL_ANY, afterMatchSkipStrategy);
  }

  public GroupPattern<T, F> next(Pattern<T, F> group) {
    return new GroupPattern<>(this, group, ConsumingStrategy.STRICT, afterMatchSkipStrategy);
  }

  public GroupPattern<T, F> followedBy(Pattern<T, F> group) {
    return new GroupPattern<>(this, group, ConsumingStrategy.SKIP_TILL_NEXT, afterMatchSkipStrategy);
  }

  public GroupPattern<T, F> followedByAny(Pattern<T, F> group) {
    return new GroupPattern<>(this, group, ConsumingStrategy.SKIP_TILL_ANY, afterMatchSkipStrategy);
  }

  /** The step may match no event. */
  public Pattern<T, F> optional() {
    if (previous != null && previous.getQuantifier().hasProperty(QuantifierProperty.GREEDY)) {
      throw new MalformedPatternException("An optional pattern cannot follow a greedy one");
    }
    quantifier.optional();
    return this;
  }

  public Pattern<T, F> oneOrMore() {
    return oneOrMore(null);
  }

  /** One or more events, at most {@code windowTime} apart (null: unbounded). */
  public Pattern<T, F> oneOrMore(Duration windowTime) {
    requireNotNegated();
    requireNoQuantifier();
    this.quantifier = Quantifier.looping(quantifier.getConsumingStrategy());
    this.times = Times.of(1, windowTime);
    return this;
  }

  public Pattern<T, F> timesOrMore(int times) {
    return timesOrMore(times, null);
  }

  public Pattern<T, F> timesOrMore(int times, Duration windowTime) {
    requireNotNegated();
    requireNoQuantifier();
    this.quantifier = Quantifier.looping(quantifier.getConsumingStrategy());
    this.times = Times.of(times, windowTime);
    return this;
  }

  public Pattern<T, F> times(int times) {
    return times(times, (Duration) null);
  }

  public Pattern<T, F> times(int times, Duration windowTime) {
    requireNotNegated();
    requireNoQuantifier();
    if (times <= 0) {
      throw new IllegalArgumentException("times() needs a positive number, got " + times);
    }
    this.quantifier = Quantifier.times(quantifier.getConsumingStrategy());
    this.times = Times.of(times, windowTime);
    return this;
  }

  public Pattern<T, F> times(int from, int to) {
    return times(from, to, null);
  }

  /** Between {@code from} and {@code to} events; {@code from == 0} makes the step optional. */
  public Pattern<T, F> times(int from, int to, Duration windowTime) {
    requireNotNegated();
    requireNoQuantifier();
    this.quantifier = Quantifier.times(quantifier.getConsumingStrategy());
    if (from == 0) {
      this.quantifier.optional();
      from = 1;
    }
    this.times = Times.of(from, to, windowTime);
    return this;
  }

  /** A looping or times step takes as many events as it can before the next step may start. */
  public Pattern<T, F> greedy() {
    requireNotNegated();
    if (this instanceof GroupPattern) {
      throw new MalformedPatternException("greedy() does not apply to group patterns");
    }
    quantifier.greedy();
    return this;
  }

  /** The events of a looping or times step must be contiguous. */
  public Pattern<T, F> consecutive() {
    quantifier.consecutive();
    return this;
  }

  /** The events of a looping or times step may be any combination of matching events. */
  public Pattern<T, F> allowCombinations() {
    quantifier.combinations();
    return this;
  }

  private void requireNotNegated() {
    ConsumingStrategy s = quantifier.getConsumingStrategy();
    if (s == ConsumingStrategy.NOT_FOLLOW || s == ConsumingStrategy.NOT_NEXT) {
      throw new MalformedPatternException("Quantifiers do not apply to NOT pattern '" + name + "'");
    }
  }

  private void requireNoQuantifier() {
    if (!quantifier.hasProperty(QuantifierProperty.SINGLE)) {
      throw new MalformedPatternException("Pattern '" + name + "' already has a quantifier: " + quantifier);
    }
  }

  private void requireNotOptionalBeforeNot() {
    if (quantifier.hasProperty(QuantifierProperty.OPTIONAL)) {
      throw new UnsupportedOperationException("A NOT pattern cannot follow the optional pattern '" + name
          + "'; use two patterns, one with and one without the optional part");
    }
  }

  private static String requireName(String name) {
    if (name == null || name.isEmpty()) {
      throw new MalformedPatternException("A pattern needs a non-empty name");
    }
    return name;
  }

  @Override
  public String toString() {
    return "Pattern{" + name + ", " + quantifier + (times == null ? "" : ", " + times)
        + (previous == null ? "" : ", after " + previous.getName()) + "}";
  }
}
