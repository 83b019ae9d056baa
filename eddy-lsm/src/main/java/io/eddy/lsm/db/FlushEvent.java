package io.eddy.lsm.db;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/**
 * A JFR event per memtable flush (its duration is the flush's, file writes and install
 * included), so that a recording shows what a checkpoint waiting for a flush waited for.
 * Costs nothing unless a recording enables it.
 */
@Name("io.eddy.lsm.Flush")
@Label("LSM Flush")
@Category({"Eddy", "LSM"})
@Description("A memtable flushed to a level-0 file")
final class FlushEvent extends jdk.jfr.Event {
  @Label("Store")
  String store;

  @Label("Memtable bytes")
  @DataAmount
  long memtableBytes;

  @Label("File bytes")
  @DataAmount
  long fileBytes;

  @Label("Memtables waiting")
  @Description("Immutable memtables waiting for their flush when this one started, itself included")
  int memtablesWaiting;
}
