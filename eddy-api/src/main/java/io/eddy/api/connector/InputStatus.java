package io.eddy.api.connector;

/** What {@link SourceReader#pollNext} says about the reader after a call. */
public enum InputStatus {
  /** Call again right away. */
  MORE_AVAILABLE,
  /** Nothing now; the runtime calls again a little later. */
  NOTHING_AVAILABLE,
  /** The reader is done; it will not be called again. */
  END_OF_INPUT
}
