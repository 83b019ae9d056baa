package io.eddy.lsm.db;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Timespan;

/**
 * A JFR event per completed store checkpoint, from its synchronous part (the memtable switch)
 * until its manifest is written: the memtable bytes it had to wait for and how long the wait for
 * their flush took. Costs nothing unless a recording enables it.
 */
@Name("io.eddy.lsm.CheckpointFlushWait")
@Label("LSM Checkpoint")
@Category({"Eddy", "LSM"})
@Description("A store checkpoint from its memtable switch to its manifest")
final class CheckpointFlushWaitEvent extends jdk.jfr.Event {
  @Label("Store")
  String store;

  @Label("Unflushed bytes")
  @Description("Memtable bytes not yet in files at the switch: the checkpoint waits for their flush")
  @DataAmount
  long unflushedBytes;

  @Label("Unflushed memtables")
  int unflushedMemtables;

  @Label("Asynchronous part started")
  @Description("From the switch until the asynchronous part began to wait")
  @Timespan
  long untilAsyncNanos;

  @Label("Flush wait")
  @Description("Time the asynchronous part waited for the flush")
  @Timespan
  long flushWaitNanos;
}
