package io.eddy.api.types;

import java.io.DataInput;
import java.io.IOException;

/**
 * A {@link DataInput} over bytes it holds in memory, which decodes a UTF-8 string of known length
 * where the bytes lie. The string serializer uses it to skip the intermediate array that
 * {@code readFully} would fill (stored values with several strings, such as a list of events,
 * are decoded on every state read).
 */
public interface Utf8Input extends DataInput {

  /** Decodes the next {@code length} bytes as UTF-8 (malformed input replaced, as {@code new String} does). */
  String readUtf8(int length) throws IOException;
}
