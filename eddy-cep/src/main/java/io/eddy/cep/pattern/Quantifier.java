package io.eddy.cep.pattern;

import java.io.Serializable;
import java.util.EnumSet;

/**
 * How a pattern consumes events: once, a number of times or in a loop (properties), how it
 * relates to the previous pattern (consuming strategy) and how the events of a loop relate to
 * each other (inner consuming strategy: relaxed by default, strict after {@code consecutive},
 * non-deterministic after {@code allowCombinations}).
 */
public final class Quantifier implements Serializable {

  public enum QuantifierProperty { SINGLE, LOOPING, TIMES, OPTIONAL, GREEDY }

  /** next: STRICT; followedBy: SKIP_TILL_NEXT; followedByAny: SKIP_TILL_ANY; and the two negations. */
  public enum ConsumingStrategy { STRICT, SKIP_TILL_NEXT, SKIP_TILL_ANY, NOT_FOLLOW, NOT_NEXT }

  private final EnumSet<QuantifierProperty> properties;
  private final ConsumingStrategy consumingStrategy;
  private ConsumingStrategy innerConsumingStrategy = ConsumingStrategy.SKIP_TILL_NEXT;

  private Quantifier(ConsumingStrategy consumingStrategy, QuantifierProperty property) {
    this.properties = EnumSet.of(property);
    this.consumingStrategy = consumingStrategy;
  }

  public static Quantifier one(ConsumingStrategy consumingStrategy) {
    return new Quantifier(consumingStrategy, QuantifierProperty.SINGLE);
  }

  public static Quantifier looping(ConsumingStrategy consumingStrategy) {
    return new Quantifier(consumingStrategy, QuantifierProperty.LOOPING);
  }

  public static Quantifier times(ConsumingStrategy consumingStrategy) {
    return new Quantifier(consumingStrategy, QuantifierProperty.TIMES);
  }

  public boolean hasProperty(QuantifierProperty property) {
    return properties.contains(property);
  }

  public ConsumingStrategy getConsumingStrategy() {
    return consumingStrategy;
  }

  public ConsumingStrategy getInnerConsumingStrategy() {
    return innerConsumingStrategy;
  }

  void combinations() {
    require(!hasProperty(QuantifierProperty.SINGLE), "allowCombinations() applies to looping or times patterns only");
    require(innerConsumingStrategy != ConsumingStrategy.STRICT, "Apply either allowCombinations() or consecutive(), not both");
    require(innerConsumingStrategy != ConsumingStrategy.SKIP_TILL_ANY, "allowCombinations() was already applied");
    innerConsumingStrategy = ConsumingStrategy.SKIP_TILL_ANY;
  }

  void consecutive() {
    require(hasProperty(QuantifierProperty.LOOPING) || hasProperty(QuantifierProperty.TIMES),
        "consecutive() applies to looping or times patterns only");
    require(innerConsumingStrategy != ConsumingStrategy.SKIP_TILL_ANY, "Apply either allowCombinations() or consecutive(), not both");
    require(innerConsumingStrategy != ConsumingStrategy.STRICT, "consecutive() was already applied");
    innerConsumingStrategy = ConsumingStrategy.STRICT;
  }

  void optional() {
    require(!hasProperty(QuantifierProperty.OPTIONAL), "optional() was already applied");
    require(consumingStrategy != ConsumingStrategy.NOT_NEXT && consumingStrategy != ConsumingStrategy.NOT_FOLLOW,
        "A NOT pattern cannot be optional");
    properties.add(QuantifierProperty.OPTIONAL);
  }

  void greedy() {
    require(innerConsumingStrategy != ConsumingStrategy.SKIP_TILL_ANY, "greedy() does not apply to allowCombinations() patterns");
    require(!hasProperty(QuantifierProperty.SINGLE), "greedy() applies to looping or times patterns only");
    properties.add(QuantifierProperty.GREEDY);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new MalformedPatternException(message);
    }
  }

  @Override
  public String toString() {
    return "Quantifier" + properties + "(" + consumingStrategy + ", inner " + innerConsumingStrategy + ")";
  }
}
