package io.eddy.lsm.util;

import java.io.IOException;

/** Stored data failed a checksum or structural check. The message names the file and where. */
public final class CorruptionException extends IOException {
  public CorruptionException(String message) {
    super(message);
  }

  public CorruptionException(String message, Throwable cause) {
    super(message, cause);
  }
}
