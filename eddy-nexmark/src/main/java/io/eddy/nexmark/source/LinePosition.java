package io.eddy.nexmark.source;

import java.io.Serializable;

/**
 * The checkpointed position of a {@link JsonLinesSource}: the number of lines of the file
 * already read (the next line to read is {@code linesRead + 1}). Immutable.
 */
record LinePosition(long linesRead) implements Serializable {
}
