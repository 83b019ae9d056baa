package io.eddy.state.disagg;

import io.eddy.fs.FileSystem;
import io.eddy.fs.FsPaths;
import io.eddy.lsm.Db;
import io.eddy.lsm.Options;
import io.eddy.lsm.PendingCheckpoint;
import io.eddy.lsm.manifest.Manifest;
import io.eddy.lsm.manifest.VersionEdit;
import io.eddy.lsm.plugin.ListAppendOperator;
import io.eddy.state.KeyGroupRange;
import io.eddy.state.bytes.ColumnOptions;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One eddy-lsm tree of a store, serving one contiguous range of key groups, with its own
 * directory and {@link ColumnTable}. A store that was never restored has one part for every key
 * group; a restored store has one part per checkpoint part it took key groups from (a rescale
 * from two subtasks to one gives two), plus fresh parts for key groups no handle covered. Parts
 * are never merged: that would copy data, and a restore must not.
 *
 * <p>Every part's tree uses eddy-lsm's {@code eddy.listappend} merge operator (appends of all
 * columns) and its own {@link ColumnTtlFilter} (TTLs are per column and ids are per part).
 *
 * <p>Not thread-safe apart from the {@link Db}, which is; owned by the store's task thread.
 */
final class StorePart {
  private final KeyGroupRange keyGroups;
  private final FileSystem fs;
  private final String directory;
  private final Db db;
  private final ColumnTable columns;
  private final ColumnTtlFilter ttl;

  private StorePart(KeyGroupRange keyGroups, FileSystem fs, String directory, Db db, ColumnTable columns, ColumnTtlFilter ttl) {
    this.keyGroups = keyGroups;
    this.fs = fs;
    this.directory = directory;
    this.db = db;
    this.columns = columns;
    this.ttl = ttl;
    for (ColumnTable.Column c : columns.columns()) {
      ttl.setTtl(c.id(), c.options().ttlMillis());
    }
  }

  private static Options options(StoreConfig config, ColumnTtlFilter ttl) {
    return config.lsmOptions().toBuilder().mergeOperator(new ListAppendOperator()).compactionFilter(ttl).build();
  }

  /** An empty part in the new directory {@code directory}. */
  static StorePart create(StoreConfig config, FileSystem fs, String directory, KeyGroupRange keyGroups) throws IOException {
    ColumnTtlFilter ttl = new ColumnTtlFilter();
    Db db = Db.open(options(config, ttl), fs, directory);
    return new StorePart(keyGroups, fs, directory, db, new ColumnTable(List.of()), ttl);
  }

  /**
   * A part opened in the new directory {@code directory} straight from a checkpoint manifest,
   * restricted to {@code keyGroups}: reads the manifest only; blocks are read on demand.
   */
  static StorePart restore(StoreConfig config, FileSystem fs, String directory, StoreHandle.Part from, KeyGroupRange keyGroups)
      throws IOException {
    ColumnTtlFilter ttl = new ColumnTtlFilter();
    Db db = Db.openFromCheckpoint(options(config, ttl), fs, from.manifestPath(), directory, ColumnKeys.keyRange(keyGroups));
    return new StorePart(keyGroups, fs, directory, db, new ColumnTable(from.columns()), ttl);
  }

  KeyGroupRange keyGroups() {
    return keyGroups;
  }

  Db db() {
    return db;
  }

  /** The TTL filter of this part's tree: TTL columns' writes advance its clock. */
  ColumnTtlFilter ttl() {
    return ttl;
  }

  /** The id of the named column in this part, created if new. */
  /** The names of the part's columns, opened or restored. */
  List<String> columnNames() {
    return columns.columns().stream().map(ColumnTable.Column::name).toList();
  }

  /** Notes that the column of {@code id} is about to be written (before the write reaches the tree). */
  void markWritten(int id) {
    columns.markWritten(id);
  }

  /** Whether the tree may hold entries of the column of {@code id}; thread-safe. */
  boolean written(int id) {
    return columns.written(id);
  }

  int columnId(String name, ColumnOptions options) {
    ColumnTable.Column c = columns.column(name, options);
    ttl.setTtl(c.id(), options.ttlMillis());
    return c.id();
  }

  /** A checkpoint of a part: the eddy-lsm checkpoint to complete and release later, and what the handle records. */
  record Checkpoint(StorePart part, PendingCheckpoint lsm, StoreHandle.Part handle) {}

  /**
   * The synchronous part of a zero-copy checkpoint: makes the memtable immutable and names the
   * manifest, without I/O; {@code lsm().complete()} later flushes it and writes the manifest
   * referencing the live files. The handle part covers the part's key groups within {@code range}.
   */
  Checkpoint checkpoint(KeyGroupRange range) throws IOException {
    PendingCheckpoint lsm = db.beginCheckpoint();
    // the columns after the memtable switch: every write it holds was marked before it was made
    return new Checkpoint(this, lsm, new StoreHandle.Part(keyGroups.intersection(range), lsm.manifestPath(), columns.columns()));
  }

  /** Lets the checkpoint's files go (deleted once nothing else references them); an unfinished one never completes. */
  void release(PendingCheckpoint lsm) throws IOException {
    db.release(lsm);
  }

  /**
   * Closes the tree without flushing it (a running flush or compaction is cancelled, not
   * awaited, and checkpoints whose manifest is not written yet fail), then deletes every file
   * of the part's directory that none of {@code keptManifests} (its retained checkpoints) needs:
   * a later process restores from those, and nothing else of the directory is ever read again,
   * so a flush would only delay a failed task's restart. Files of other directories (a restored
   * part reads its old owner's files) are not touched.
   */
  void closeAndClean(Set<String> keptManifests) throws IOException {
    db.closeWithoutFlush();
    List<String> names = fs.list(directory);
    Set<String> needed = new HashSet<>();
    for (String name : names) {
      String path = FsPaths.join(directory, name);
      if (keptManifests.contains(path)) {
        needed.add(path);
        for (VersionEdit.LevelFile f : Manifest.read(fs, path).files()) {
          needed.add(f.file().path());
        }
      }
    }
    for (String name : names) {
      String path = FsPaths.join(directory, name);
      if (!needed.contains(path)) {
        fs.delete(path);
      }
    }
    EmptyDirectories.delete(fs, directory);
  }
}
