package io.eddy.cep.nfa.aftermatch;

/** Skips to the first event the match took for the named step. */
public final class SkipToFirstStrategy extends SkipToElementStrategy {
  SkipToFirstStrategy(String patternName, boolean throwOnMiss) {
    super(patternName, throwOnMiss);
  }

  @Override
  public SkipToElementStrategy throwExceptionOnMiss() {
    return new SkipToFirstStrategy(getPatternName().orElseThrow(), true);
  }

  @Override
  int index(int size) {
    return 0;
  }
}
