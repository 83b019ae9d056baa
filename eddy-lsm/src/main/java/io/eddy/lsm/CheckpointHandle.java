package io.eddy.lsm;

/**
 * A retained checkpoint: a manifest file ({@link #manifestPath()}) that lists the SST files
 * of the store at {@link #sequence()}. The files are shared with the live store (zero
 * copy) and stay on the FileSystem until every checkpoint referencing them is released
 * and the live store no longer needs them. Open it with {@link Db#openFromCheckpoint}.
 * Immutable; the path is all another process needs.
 */
public record CheckpointHandle(String manifestPath, long sequence, int fileCount, long totalBytes) {}
