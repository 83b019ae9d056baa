package io.eddy.lsm.compaction;

import io.eddy.lsm.KeyRange;
import io.eddy.lsm.manifest.VersionEdit;
import io.eddy.lsm.sst.TableOptions;
import java.util.List;

/**
 * A self-contained description of one compaction: everything a worker in another process
 * needs (input files on the shared FileSystem, where to write, which plug-ins by name), and
 * nothing of the store's in-memory state.
 *
 * @param inputs input files with their levels
 * @param outputLevel level the outputs go to
 * @param bottommost no data for these keys exists below the output level
 * @param snapshots open snapshot sequence numbers, ascending
 * @param outputDir directory for the outputs
 * @param firstOutputNumber first of the file numbers reserved for outputs
 * @param maxOutputs how many numbers are reserved
 * @param mergeOperator merge operator name ("" for none)
 * @param filterName compaction filter name ("" for none)
 * @param filterConfig compaction filter parameters
 * @param range keys outside this range are dropped (store restricted to a key range)
 * @param table SST layout for outputs
 * @param targetFileSize output file size target
 */
public record CompactionJob(
    List<VersionEdit.LevelFile> inputs,
    int outputLevel,
    boolean bottommost,
    long[] snapshots,
    String outputDir,
    long firstOutputNumber,
    int maxOutputs,
    String mergeOperator,
    String filterName,
    String filterConfig,
    KeyRange range,
    TableOptions table,
    long targetFileSize) {

  public CompactionJob {
    inputs = List.copyOf(inputs);
  }

  /** Total input bytes. */
  public long inputBytes() {
    return inputs.stream().mapToLong(lf -> lf.file().size()).sum();
  }

  @Override
  public String toString() {
    return "CompactionJob[" + inputs.size() + " inputs (" + inputBytes() + " B) -> L" + outputLevel + (bottommost ? " bottommost" : "")
        + ", outputs " + firstOutputNumber + "+" + maxOutputs + "]";
  }
}
