package io.eddy.runtime.checkpoint;

import io.eddy.api.types.TypeSerializer;
import io.eddy.api.types.TypeSerializers;
import io.eddy.fs.FileOutput;
import io.eddy.fs.FileSystem;
import io.eddy.state.KeyGroupRange;
import io.eddy.state.FileHandleSnapshot;
import io.eddy.state.KeyGroupStreamSnapshot;
import io.eddy.state.KeyedStateSnapshot;
import io.eddy.state.PersistedHandle;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state file of one operator subtask in a checkpoint. Body: {@code int version; UTF
 * backendType; byte keyedMode (0 none, 1 key-group streams, 2 file handle); [int
 * firstKeyGroup, int lastKeyGroup; mode 1: key group blobs... | mode 2: int length, handle
 * bytes]; int lists; per list: UTF name, int n, n generic values; [mode 1: long offsets of each
 * key group blob and of its end]; long indexPosition}, then the checksummed trailer of {@link
 * StateFileFormat}. Written streaming (the asynchronous part of a checkpoint); read whole and
 * verified before anything is used. See docs/format/checkpoint.md.
 */
public final class StateFile {
  private static final byte[] MAGIC = StateFileFormat.magic("EDDYSTAT");
  private static final TypeSerializer<Object> GENERIC = TypeSerializers.generic();

  private static final byte NOT_KEYED = 0;
  private static final byte KEY_GROUP_STREAMS = 1;
  private static final byte FILE_HANDLE = 2;

  private final String path;
  private final byte[] bytes;
  private final String backendType;
  private final KeyGroupRange keyGroups;
  private final long[] offsets;
  private final byte[] handle;
  private final Map<String, List<Object>> lists;

  private StateFile(String path, byte[] bytes, String backendType, KeyGroupRange keyGroups, long[] offsets,
      byte[] handle, Map<String, List<Object>> lists) {
    this.path = path;
    this.bytes = bytes;
    this.backendType = backendType;
    this.keyGroups = keyGroups;
    this.offsets = offsets;
    this.handle = handle;
    this.lists = lists;
  }

  /**
   * The bytes of a written state file and of the backend files its handle references ({@code
   * stateSize}), and of those this checkpoint wrote ({@code checkpointedSize}: the file and what
   * the backend uploaded or added since its previous checkpoint).
   */
  public record Sizes(long stateSize, long checkpointedSize) {}

  /**
   * Writes a snapshot to a new file and returns its sizes: streams a key-group snapshot's data,
   * or persists a file-handle snapshot and stores its handle. Releases the keyed snapshot.
   */
  public static Sizes write(FileSystem fs, String path, String backendType, OperatorSnapshot snapshot)
      throws IOException {
    FileOutput file = null;
    try {
      KeyedStateSnapshot keyed = snapshot.keyed();
      PersistedHandle persisted = keyed instanceof FileHandleSnapshot files ? files.persist() : null;
      byte[] handle = persisted == null ? null : persisted.handle();
      file = fs.create(path);
      ChecksummedOutput checked = new ChecksummedOutput(file);
      DataOutputStream out = new DataOutputStream(new UnsynchronizedBufferedOutput(checked, 1 << 16));
      out.writeInt(StateFileFormat.VERSION);
      out.writeUTF(keyed == null ? "" : backendType);
      long[] offsets = null;
      if (keyed == null) {
        out.writeByte(NOT_KEYED);
      } else {
        KeyGroupRange range = keyed.keyGroupRange();
        out.writeByte(handle != null ? FILE_HANDLE : KEY_GROUP_STREAMS);
        out.writeInt(range.startKeyGroup());
        out.writeInt(range.endKeyGroup());
        if (keyed instanceof KeyGroupStreamSnapshot streams) {
          offsets = writeKeyGroups(streams, checked, out);
        } else {
          out.writeInt(handle.length);
          out.write(handle);
        }
      }
      out.writeInt(snapshot.lists().size());
      for (Map.Entry<String, List<Object>> list : snapshot.lists().entrySet()) {
        out.writeUTF(list.getKey());
        out.writeInt(list.getValue().size());
        for (Object value : list.getValue()) {
          GENERIC.serialize(value, out);
        }
      }
      out.flush();
      long indexPosition = checked.position();
      if (offsets != null) {
        for (long offset : offsets) {
          out.writeLong(offset);
        }
      }
      out.writeLong(indexPosition);
      out.flush();
      int crc = checked.checksum();
      DataOutputStream trailer = new DataOutputStream(file);
      trailer.writeInt(crc);
      trailer.write(MAGIC);
      trailer.flush();
      long size = checked.position() + StateFileFormat.TRAILER;
      file.close();
      return persisted == null ? new Sizes(size, size)
          : new Sizes(size + persisted.stateSize(), size + persisted.checkpointedSize());
    } catch (IOException | RuntimeException e) {
      if (file != null) {
        file.abort();
      }
      throw e;
    } finally {
      if (snapshot.keyed() != null) {
        snapshot.keyed().release();
      }
    }
  }

  private static long[] writeKeyGroups(KeyGroupStreamSnapshot keyed, ChecksummedOutput checked, DataOutputStream out)
      throws IOException {
    KeyGroupRange range = keyed.keyGroupRange();
    long[] offsets = new long[range.size() + 1];
    for (int kg = range.startKeyGroup(); kg <= range.endKeyGroup(); kg++) {
      out.flush();
      offsets[kg - range.startKeyGroup()] = checked.position();
      keyed.writeKeyGroup(kg, out);
    }
    out.flush();
    offsets[range.size()] = checked.position();
    return offsets;
  }

  /** Reads and verifies a whole state file. */
  public static StateFile read(FileSystem fs, String path) throws IOException {
    byte[] bytes;
    try {
      bytes = fs.readAll(path);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new CorruptCheckpointException(path, "missing");
    }
    int body = StateFileFormat.verify(bytes, MAGIC, path);
    try {
      long indexPosition = ByteBuffer.wrap(bytes, body - 8, 8).getLong();
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, body));
      int version = in.readInt();
      if (version != StateFileFormat.VERSION) {
        throw new CorruptCheckpointException(path, "unsupported format version " + version);
      }
      String backendType = in.readUTF();
      byte mode = in.readByte();
      KeyGroupRange range = null;
      long[] offsets = null;
      byte[] handle = null;
      if (mode != NOT_KEYED) {
        range = new KeyGroupRange(in.readInt(), in.readInt());
      }
      if (mode == KEY_GROUP_STREAMS) {
        offsets = new long[range.size() + 1];
        ByteBuffer index = ByteBuffer.wrap(bytes, (int) indexPosition, offsets.length * 8);
        for (int i = 0; i < offsets.length; i++) {
          offsets[i] = index.getLong();
        }
        in.skipNBytes(offsets[offsets.length - 1] - offsets[0]);
      } else if (mode == FILE_HANDLE) {
        handle = new byte[in.readInt()];
        in.readFully(handle);
      } else if (mode != NOT_KEYED) {
        throw new CorruptCheckpointException(path, "unknown keyed state mode " + mode);
      }
      Map<String, List<Object>> lists = new LinkedHashMap<>();
      int count = in.readInt();
      for (int i = 0; i < count; i++) {
        String name = in.readUTF();
        int n = in.readInt();
        List<Object> values = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
          values.add(GENERIC.deserialize(in));
        }
        lists.put(name, values);
      }
      return new StateFile(path, bytes, backendType, range, offsets, handle, lists);
    } catch (CorruptCheckpointException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new CorruptCheckpointException(path, "unreadable content: " + e);
    }
  }

  /** The key groups this file holds, or null if the operator was not keyed. */
  public KeyGroupRange keyGroups() {
    return keyGroups;
  }

  /** The state backend kind that wrote the keyed state ("" if none). */
  public String backendType() {
    return backendType;
  }

  /** Whether the keyed state is a file handle (else key-group streams). */
  public boolean hasHandle() {
    return handle != null;
  }

  /** The handle of a {@link FileHandleSnapshot}, as its backend returned it. */
  public byte[] handle() {
    return handle.clone();
  }

  /** The bytes of one key group, as its backend wrote them. */
  public DataInputStream keyGroup(int keyGroup) {
    int i = keyGroup - keyGroups.startKeyGroup();
    return new DataInputStream(new ByteArrayInputStream(bytes, (int) offsets[i], (int) (offsets[i + 1] - offsets[i])));
  }

  public Map<String, List<Object>> lists() {
    return lists;
  }

  public String path() {
    return path;
  }
}
