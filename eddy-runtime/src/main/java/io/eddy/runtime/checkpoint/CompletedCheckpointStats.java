package io.eddy.runtime.checkpoint;

/** How long a completed checkpoint took (trigger to metadata written) and how big it is. */
public record CompletedCheckpointStats(long checkpointId, long durationMillis, long bytes) {}
