package io.eddy.runtime.checkpoint;

/**
 * How long a completed checkpoint took (trigger to metadata written) and how big it is: {@code
 * bytes}, its full state size, and {@code checkpointedBytes}, what it wrote (less than the full
 * size when a backend checkpoints incrementally), as Flink's checkpoint statistics report them.
 */
public record CompletedCheckpointStats(long checkpointId, long durationMillis, long bytes, long checkpointedBytes) {}
