package io.eddy.runtime.checkpoint;

import io.eddy.api.types.TypeSerializer;
import io.eddy.api.types.TypeSerializers;
import io.eddy.fs.FileOutput;
import io.eddy.fs.FileSystem;
import io.eddy.state.KeyGroupRange;
import io.eddy.state.KeyedStateSnapshot;
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
 * The state file of one operator subtask in a checkpoint. Body: {@code int version; boolean
 * keyed; [int firstKeyGroup, int lastKeyGroup, key group blobs...]; int lists; per list: UTF
 * name, int n, n generic values; [long offsets of each key group blob and of its end]; long
 * indexPosition}, then the checksummed trailer of {@link StateFileFormat}. Written streaming
 * (the asynchronous part of a checkpoint); read whole and verified before anything is used.
 */
public final class StateFile {
  private static final byte[] MAGIC = StateFileFormat.magic("EDDYSTAT");
  private static final TypeSerializer<Object> GENERIC = TypeSerializers.generic();

  private final String path;
  private final byte[] bytes;
  private final KeyGroupRange keyGroups;
  private final long[] offsets;
  private final Map<String, List<Object>> lists;

  private StateFile(String path, byte[] bytes, KeyGroupRange keyGroups, long[] offsets, Map<String, List<Object>> lists) {
    this.path = path;
    this.bytes = bytes;
    this.keyGroups = keyGroups;
    this.offsets = offsets;
    this.lists = lists;
  }

  /** Writes a snapshot to a new file and returns its size. Releases the keyed snapshot. */
  public static long write(FileSystem fs, String path, OperatorSnapshot snapshot) throws IOException {
    FileOutput file = fs.create(path);
    try {
      ChecksummedOutput checked = new ChecksummedOutput(file);
      DataOutputStream out = new DataOutputStream(new UnsynchronizedBufferedOutput(checked, 1 << 16));
      out.writeInt(StateFileFormat.VERSION);
      KeyedStateSnapshot keyed = snapshot.keyed();
      out.writeBoolean(keyed != null);
      long[] offsets = null;
      if (keyed != null) {
        KeyGroupRange range = keyed.keyGroupRange();
        out.writeInt(range.startKeyGroup());
        out.writeInt(range.endKeyGroup());
        offsets = new long[range.size() + 1];
        for (int kg = range.startKeyGroup(); kg <= range.endKeyGroup(); kg++) {
          out.flush();
          offsets[kg - range.startKeyGroup()] = checked.position();
          keyed.writeKeyGroup(kg, out);
        }
        out.flush();
        offsets[range.size()] = checked.position();
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
      return size;
    } catch (IOException | RuntimeException e) {
      file.abort();
      throw e;
    } finally {
      if (snapshot.keyed() != null) {
        snapshot.keyed().release();
      }
    }
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
      KeyGroupRange range = null;
      long[] offsets = null;
      if (in.readBoolean()) {
        range = new KeyGroupRange(in.readInt(), in.readInt());
        offsets = new long[range.size() + 1];
        ByteBuffer index = ByteBuffer.wrap(bytes, (int) indexPosition, offsets.length * 8);
        for (int i = 0; i < offsets.length; i++) {
          offsets[i] = index.getLong();
        }
        in.skipNBytes(offsets[offsets.length - 1] - offsets[0]);
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
      return new StateFile(path, bytes, range, offsets, lists);
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
