package io.eddy.api.state.v2;

/** A checked exception thrown by a {@link StateFuture} callback, carried to where the task fails. */
public final class StateCallbackException extends RuntimeException {
  public StateCallbackException(Throwable cause) {
    super("A state callback failed: " + cause, cause);
  }

  public StateCallbackException(String message, Throwable cause) {
    super(message, cause);
  }
}
