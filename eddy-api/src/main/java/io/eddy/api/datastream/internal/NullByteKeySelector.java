package io.eddy.api.datastream.internal;

import io.eddy.api.functions.KeySelector;

/** The one key of every record of a windowAll: the whole stream is one key, on one subtask. */
public final class NullByteKeySelector<T> implements KeySelector<T, Byte> {
  private static final Byte KEY = 0;

  @Override
  public Byte getKey(T value) {
    return KEY;
  }
}
