package io.eddy.lsm.compaction;

import io.eddy.fs.FileSystem;
import io.eddy.fs.FsPaths;
import io.eddy.lsm.manifest.FileMeta;
import io.eddy.lsm.sst.TableBuilder;
import io.eddy.lsm.sst.TableInfo;
import io.eddy.lsm.sst.TableOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the SST files of one flush or compaction, cutting a new file once the current
 * one reaches the target size (only between user keys, so a key's versions never span
 * files). File numbers come from a range reserved in advance, which keeps names unique even
 * when a remote worker writes them. On failure {@link #abort()} removes every file written.
 *
 * <p>Thread safety: not thread-safe; one job thread.
 */
public final class OutputWriter {
  private final FileSystem fs;
  private final String dir;
  private final long firstNumber;
  private final int maxFiles;
  private final TableOptions table;
  private final long targetFileSize;
  private final String mergeOperator;
  private final List<FileMeta> finished = new ArrayList<>();
  private TableBuilder current;
  private long currentNumber;

  public OutputWriter(FileSystem fs, String dir, long firstNumber, int maxFiles, TableOptions table, long targetFileSize, String mergeOperator) {
    this.fs = fs;
    this.dir = dir;
    this.firstNumber = firstNumber;
    this.maxFiles = maxFiles;
    this.table = table;
    this.targetFileSize = targetFileSize;
    this.mergeOperator = mergeOperator;
  }

  /** The conventional SST file name for a file number. */
  public static String tableFileName(long number) {
    return String.format("%06d.sst", number);
  }

  public void add(byte[] key, long trailer, byte[] value) throws IOException {
    if (current == null) {
      int index = finished.size();
      if (index >= maxFiles) {
        throw new IOException("job needs more than its " + maxFiles + " reserved output files in " + dir);
      }
      currentNumber = firstNumber + index;
      current = new TableBuilder(fs.create(FsPaths.join(dir, tableFileName(currentNumber))), table, mergeOperator);
    }
    current.add(key, trailer, value);
  }

  /** Called between user keys: cuts the file if it is big enough. */
  public void keyBoundary() throws IOException {
    if (current != null && current.estimatedSize() >= targetFileSize) {
      finishCurrent();
    }
  }

  private void finishCurrent() throws IOException {
    String path = current.path();
    TableInfo info = current.finish();
    current = null;
    finished.add(new FileMeta(currentNumber, path, info.size(), info.smallest(), info.largest(), info.minSequence(), info.maxSequence(), info.entries()));
  }

  /** Finishes the last file; returns every output. */
  public List<FileMeta> finish() throws IOException {
    if (current != null) {
      finishCurrent();
    }
    return List.copyOf(finished);
  }

  /** Discards the open file and deletes the finished ones. */
  public void abort() {
    if (current != null) {
      current.abort();
      current = null;
    }
    for (FileMeta f : finished) {
      try {
        fs.delete(f.path());
      } catch (IOException ignored) {
        // an unreferenced output is swept as an orphan when the store next opens
      }
    }
    finished.clear();
  }

  @Override
  public String toString() {
    return "outputs " + tableFileName(firstNumber) + ".. in " + dir;
  }
}
