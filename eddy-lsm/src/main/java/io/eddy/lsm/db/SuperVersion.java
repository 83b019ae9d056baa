package io.eddy.lsm.db;

import io.eddy.lsm.manifest.Version;
import io.eddy.lsm.memtable.MemTable;
import java.util.List;

/**
 * Everything a read needs, switched atomically: the active memtable, the immutable ones
 * waiting for flush (newest first) and the file version. Reading memtables and version
 * from one object means a concurrent flush can never make a read see a memtable's data
 * twice (in memory and in its new file) or not at all. Holds one reference on its version,
 * dropped when it is replaced.
 *
 * <p>Thread safety: immutable; readers pin {@link #version()} with {@code tryRef}.
 */
public record SuperVersion(MemTable active, List<MemTable> immutables, Version version) {
  public SuperVersion {
    immutables = List.copyOf(immutables);
  }
}
