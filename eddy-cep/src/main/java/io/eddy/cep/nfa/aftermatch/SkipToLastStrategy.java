package io.eddy.cep.nfa.aftermatch;

/** Skips to the last event the match took for the named step. */
public final class SkipToLastStrategy extends SkipToElementStrategy {
  SkipToLastStrategy(String patternName, boolean throwOnMiss) {
    super(patternName, throwOnMiss);
  }

  @Override
  public SkipToElementStrategy throwExceptionOnMiss() {
    return new SkipToLastStrategy(getPatternName().orElseThrow(), true);
  }

  @Override
  int index(int size) {
    return size - 1;
  }
}
