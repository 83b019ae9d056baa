package io.eddy.fs;

import java.io.IOException;

/** The failure a {@link FaultInjectingFileSystem} throws; tests can tell it from real ones. */
public final class InjectedFaultException extends IOException {
  public InjectedFaultException(String message) {
    super(message);
  }
}
