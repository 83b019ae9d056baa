package io.eddy.runtime.tasks;

/** Carries the name of the operator whose code threw, through the chain to the task. */
public final class OperatorException extends RuntimeException {
  private final String operatorName;

  public OperatorException(String operatorName, Throwable cause) {
    super("Operator '" + operatorName + "' failed: " + cause, cause);
    this.operatorName = operatorName;
  }

  public String operatorName() {
    return operatorName;
  }
}
