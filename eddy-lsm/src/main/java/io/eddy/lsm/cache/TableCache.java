package io.eddy.lsm.cache;

import io.eddy.fs.FileSystem;
import io.eddy.lsm.manifest.FileMeta;
import io.eddy.lsm.sst.TableReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open {@link TableReader}s by file path, opened on first use (so opening a store reads no
 * table) and closed when their file is deleted or the store closes. Readers are small (index
 * and filter), so they are not evicted while their file is live.
 *
 * <p>Thread safety: thread-safe; concurrent first uses of a file open it once.
 */
public final class TableCache implements AutoCloseable {
  private final FileSystem fs;
  private final BlockCache blocks;
  private final Map<String, TableReader> open = new ConcurrentHashMap<>();

  public TableCache(FileSystem fs, BlockCache blocks) {
    this.fs = fs;
    this.blocks = blocks;
  }

  public TableReader get(FileMeta file) throws IOException {
    TableReader r = open.get(file.path());
    if (r != null) {
      return r;
    }
    try {
      return open.computeIfAbsent(file.path(), p -> {
        try {
          return TableReader.open(fs, p, file.size(), blocks);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** The reader of {@code file} if it is open, else null (opening it would read the file). */
  public TableReader getIfOpen(FileMeta file) {
    return open.get(file.path());
  }

  /** Closes the reader of a deleted file (which drops its cached blocks). */
  public void evict(String path) {
    TableReader r = open.remove(path);
    if (r != null) {
      try {
        r.close();
      } catch (IOException ignored) {
        // the file is gone; nothing more to release
      }
    }
  }

  @Override
  public void close() {
    for (String path : new ArrayList<>(open.keySet())) {
      TableReader r = open.remove(path);
      try {
        r.close();
      } catch (IOException ignored) {
        // closing a read handle has nothing to flush
      }
    }
  }
}
