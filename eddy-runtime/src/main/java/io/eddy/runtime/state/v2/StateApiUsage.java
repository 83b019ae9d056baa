package io.eddy.runtime.state.v2;

/**
 * Which state API an operator uses, so that mixing them is refused: synchronous state is read and
 * written at once while asynchronous state is ordered by the async execution controller, and one
 * operator using both would see them out of step. The first state of each API is remembered to
 * name both in the error. Task thread only.
 */
public final class StateApiUsage {
  private final String operatorName;
  private String firstSync;
  private String firstAsync;

  public StateApiUsage(String operatorName) {
    this.operatorName = operatorName;
  }

  /** The operator asks for synchronous state {@code stateName}. */
  public void useSync(String stateName) {
    if (firstSync == null) {
      firstSync = stateName;
    }
    check();
  }

  /** The operator asks for asynchronous (V2) state {@code stateName}. */
  public void useAsync(String stateName) {
    if (firstAsync == null) {
      firstAsync = stateName;
    }
    check();
  }

  private void check() {
    if (firstSync != null && firstAsync != null) {
      throw new IllegalStateException("Operator '" + operatorName + "' uses synchronous state '" + firstSync
          + "' and asynchronous state '" + firstAsync + "'; an operator uses one state API: io.eddy.api.state, "
          + "or io.eddy.api.state.v2 on a keyed stream with enableAsyncState()");
    }
  }
}
