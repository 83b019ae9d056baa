package io.eddy.state.disagg;

import io.eddy.state.KeyGroupRange;
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
 * What a checkpoint of a {@link DisaggregatedKvStore} stores in the job's state file: for each
 * part of the store, the key groups it served, the full FileSystem path of its eddy-lsm
 * {@code CHECKPOINT-nnnnnn} manifest and its column table. Nothing else: the data stays in the
 * SST files the manifests list, where they are (zero copy), and a restore opens the manifests
 * directly. Format (big-endian, {@link DataOutputStream}):
 *
 * <pre>
 * int32 magic 0x45444447 ("EDDG"), int32 version 2, int32 parts
 *   per part: int32 first key group, int32 last key group (inclusive),
 *             UTF manifest path, int32 columns
 *     per column: UTF name, uint16 id, bool appendMerge, int64 ttlMillis, bool written
 * </pre>
 *
 * Version 1 had no {@code written} flag; its columns are read as written.
 *
 * <p>Immutable.
 */
record StoreHandle(List<Part> parts) {
  private static final int MAGIC = 0x45444447;
  private static final int VERSION = 2;

  /** One part: a checkpoint manifest, the key groups taken from it, and its columns. */
  record Part(KeyGroupRange keyGroups, String manifestPath, List<ColumnTable.Column> columns) {
    Part {
      columns = List.copyOf(columns);
    }
  }

  StoreHandle {
    parts = List.copyOf(parts);
  }

  byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      out.writeInt(parts.size());
      for (Part p : parts) {
        out.writeInt(p.keyGroups().startKeyGroup());
        out.writeInt(p.keyGroups().endKeyGroup());
        out.writeUTF(p.manifestPath());
        out.writeInt(p.columns().size());
        for (ColumnTable.Column c : p.columns()) {
          out.writeUTF(c.name());
          out.writeShort(c.id());
          out.writeBoolean(c.options().appendMerge());
          out.writeLong(c.options().ttlMillis());
          out.writeBoolean(c.written());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return bytes.toByteArray();
  }

  static StoreHandle decode(byte[] handle) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(handle));
    if (handle.length < 12 || in.readInt() != MAGIC) {
      throw new IOException("not a handle of the disaggregated state backend (" + handle.length + " bytes)");
    }
    int version = in.readInt();
    if (version != 1 && version != VERSION) {
      throw new IOException("unsupported disaggregated state handle version " + version);
    }
    int partCount = in.readInt();
    List<Part> parts = new ArrayList<>(partCount);
    for (int i = 0; i < partCount; i++) {
      KeyGroupRange keyGroups = KeyGroupRange.of(in.readInt(), in.readInt());
      String manifest = in.readUTF();
      int columnCount = in.readInt();
      List<ColumnTable.Column> columns = new ArrayList<>(columnCount);
      for (int c = 0; c < columnCount; c++) {
        String name = in.readUTF();
        int id = in.readUnsignedShort();
        ColumnOptions options = new ColumnOptions(in.readBoolean(), in.readLong());
        columns.add(new ColumnTable.Column(name, id, options, version == 1 || in.readBoolean()));
      }
      parts.add(new Part(keyGroups, manifest, columns));
    }
    if (in.available() != 0) {
      throw new IOException("disaggregated state handle has " + in.available() + " trailing bytes");
    }
    return new StoreHandle(parts);
  }
}
