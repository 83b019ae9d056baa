package io.eddy.cep.pattern.conditions;

/** Accepts the events that are instances of a subtype ({@code Pattern.subtype}). */
public final class SubtypeCondition<T> extends SimpleCondition<T> {
  private final Class<? extends T> subtype;

  public SubtypeCondition(Class<? extends T> subtype) {
    this.subtype = java.util.Objects.requireNonNull(subtype, "The subtype cannot be null");
  }

  @Override
  public boolean filter(T value) {
    return subtype.isInstance(value);
  }
}
