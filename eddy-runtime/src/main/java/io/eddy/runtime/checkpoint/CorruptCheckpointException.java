package io.eddy.runtime.checkpoint;

import java.io.IOException;

/** A checkpoint file failed its checks: truncated, bad magic, bad checksum or missing. */
public final class CorruptCheckpointException extends IOException {
  public CorruptCheckpointException(String path, String reason) {
    super("Corrupt checkpoint file " + path + ": " + reason);
  }
}
