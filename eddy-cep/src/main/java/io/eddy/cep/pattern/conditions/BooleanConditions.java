package io.eddy.cep.pattern.conditions;

/** The condition that accepts every event (a pattern without {@code where}, proceed edges). */
public final class BooleanConditions {
  private BooleanConditions() {}

  @SuppressWarnings("unchecked")
  public static <T> IterativeCondition<T> trueFunction() {
    return (IterativeCondition<T>) True.INSTANCE;
  }

  private static final class True extends SimpleCondition<Object> {
    static final True INSTANCE = new True();

    @Override
    public boolean filter(Object value) {
      return true;
    }

    private Object readResolve() {
      return INSTANCE;
    }
  }
}
