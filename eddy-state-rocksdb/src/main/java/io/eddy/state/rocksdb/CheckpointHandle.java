package io.eddy.state.rocksdb;

import io.eddy.state.bytes.ColumnOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What one RocksDB store's checkpoint leaves in the engine's state file: the files that make up
 * the database (with full paths, so any process can download them) and the columns to open it
 * with. The binary form, version 1, big-endian ({@link java.io.DataOutput}):
 *
 * <pre>
 * int    magic 0x45524B31 ("ERK1")
 * UTF    storeId            the store that wrote it (names its shared folder)
 * long   checkpointId
 * int    column count, then per column:  UTF name, boolean appendMerge, long ttlMillis
 * int    file count, then per file:      UTF name, UTF path, long size, int crc32c, boolean shared
 * </pre>
 */
record CheckpointHandle(String storeId, long checkpointId, List<ColumnSpec> columns, List<CheckpointFile> files) {
  private static final int MAGIC = 0x45524B31;

  byte[] encode() {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeInt(MAGIC);
      out.writeUTF(storeId);
      out.writeLong(checkpointId);
      out.writeInt(columns.size());
      for (ColumnSpec column : columns) {
        out.writeUTF(column.name());
        out.writeBoolean(column.options().appendMerge());
        out.writeLong(column.options().ttlMillis());
      }
      out.writeInt(files.size());
      for (CheckpointFile file : files) {
        out.writeUTF(file.name());
        out.writeUTF(file.path());
        out.writeLong(file.size());
        out.writeInt(file.crc32c());
        out.writeBoolean(file.shared());
      }
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static CheckpointHandle decode(byte[] handle) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(handle));
    int magic = in.readInt();
    if (magic != MAGIC) {
      throw new IOException("not a rocksdb checkpoint handle (magic " + Integer.toHexString(magic) + ")");
    }
    String storeId = in.readUTF();
    long checkpointId = in.readLong();
    int columnCount = in.readInt();
    List<ColumnSpec> columns = new ArrayList<>(columnCount);
    for (int i = 0; i < columnCount; i++) {
      columns.add(new ColumnSpec(in.readUTF(), new ColumnOptions(in.readBoolean(), in.readLong())));
    }
    int fileCount = in.readInt();
    List<CheckpointFile> files = new ArrayList<>(fileCount);
    for (int i = 0; i < fileCount; i++) {
      files.add(new CheckpointFile(in.readUTF(), in.readUTF(), in.readLong(), in.readInt(), in.readBoolean()));
    }
    return new CheckpointHandle(storeId, checkpointId, List.copyOf(columns), List.copyOf(files));
  }

  long totalSize() {
    return files.stream().mapToLong(CheckpointFile::size).sum();
  }
}
