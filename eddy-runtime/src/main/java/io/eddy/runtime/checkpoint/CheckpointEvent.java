package io.eddy.runtime.checkpoint;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/**
 * A JFR event per completed checkpoint, from its trigger to its commit (the duration the job's
 * checkpoint statistics count), so that a recording lines it up with the backends' own events
 * ({@code io.eddy.lsm.CheckpointFlushWait}, {@code io.eddy.lsm.Flush}). Costs nothing unless a
 * recording enables it.
 */
@Name("io.eddy.Checkpoint")
@Label("Checkpoint")
@Category({"Eddy", "Checkpoint"})
@Description("A checkpoint from trigger to commit")
final class CheckpointEvent extends jdk.jfr.Event {
  @Label("Checkpoint id")
  long checkpointId;
}
