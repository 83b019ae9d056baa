package io.eddy.state.bytes;

import io.eddy.state.FileHandleSnapshot;
import io.eddy.state.KeyGroupRange;
import io.eddy.state.KeyedStateHandle;
import io.eddy.state.PersistedHandle;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The simplest correct {@link KvStore}: sorted maps in memory, a snapshot is a deep copy and
 * its "handle" the serialized copy. The model the real stores are compared against, and the
 * store that tests {@link ByteKeyedStateBackend} on its own.
 */
public final class SortedMapKvStore implements KvStore {
  private final Map<String, TreeMap<byte[], byte[]>> columns = new TreeMap<>();

  @Override
  public String kind() {
    return "sorted-map";
  }

  @Override
  public void restore(List<KeyedStateHandle> handles, KeyGroupRange range) throws IOException {
    for (KeyedStateHandle handle : handles) {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(handle.handle()));
      int columnCount = in.readInt();
      for (int c = 0; c < columnCount; c++) {
        TreeMap<byte[], byte[]> column = map(in.readUTF());
        int entries = in.readInt();
        for (int e = 0; e < entries; e++) {
          byte[] key = in.readNBytes(in.readInt());
          byte[] value = in.readNBytes(in.readInt());
          if (range.contains(((key[0] & 0xff) << 8) | (key[1] & 0xff))) {
            column.put(key, value);
          }
        }
      }
    }
  }

  private TreeMap<byte[], byte[]> map(String name) {
    return columns.computeIfAbsent(name, n -> new TreeMap<>(Arrays::compareUnsigned));
  }

  @Override
  public Collection<String> columnNames() {
    return List.copyOf(columns.keySet());
  }

  @Override
  public KvColumn column(String name, ColumnOptions options) {
    TreeMap<byte[], byte[]> map = map(name);
    return new KvColumn() {
      @Override
      public byte[] get(byte[] key) {
        byte[] value = map.get(key);
        return value == null ? null : value.clone();
      }

      @Override
      public void put(byte[] key, byte[] value) {
        map.put(key.clone(), value.clone());
      }

      @Override
      public void delete(byte[] key) {
        map.remove(key);
      }

      @Override
      public void append(byte[] key, byte[] operand) {
        if (!options.appendMerge()) {
          throw new IllegalStateException("append on a column without appendMerge");
        }
        byte[] old = map.get(key);
        byte[] joined = old == null ? operand.clone() : Arrays.copyOf(old, old.length + operand.length);
        if (old != null) {
          System.arraycopy(operand, 0, joined, old.length, operand.length);
        }
        map.put(key.clone(), joined);
      }

      @Override
      public KvCursor scan(byte[] prefix) {
        Iterator<Map.Entry<byte[], byte[]>> entries = new TreeMap<>(map.tailMap(prefix, true)).entrySet().iterator();
        return new KvCursor() {
          private Map.Entry<byte[], byte[]> current;

          @Override
          public boolean next() {
            if (!entries.hasNext()) {
              return false;
            }
            current = entries.next();
            if (!Arrays.equals(current.getKey(), 0, Math.min(prefix.length, current.getKey().length), prefix, 0,
                prefix.length) || current.getKey().length < prefix.length) {
              return false;
            }
            return true;
          }

          @Override
          public byte[] key() {
            return current.getKey().clone();
          }

          @Override
          public byte[] value() {
            return current.getValue().clone();
          }

          @Override
          public void close() {}
        };
      }
    };
  }

  @Override
  public FileHandleSnapshot snapshot(long checkpointId, KeyGroupRange range) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(columns.size());
    for (Map.Entry<String, TreeMap<byte[], byte[]>> column : columns.entrySet()) {
      out.writeUTF(column.getKey());
      out.writeInt(column.getValue().size());
      for (Map.Entry<byte[], byte[]> e : column.getValue().entrySet()) {
        out.writeInt(e.getKey().length);
        out.write(e.getKey());
        out.writeInt(e.getValue().length);
        out.write(e.getValue());
      }
    }
    byte[] handle = bytes.toByteArray();
    return new FileHandleSnapshot() {
      @Override
      public PersistedHandle persist() {
        return new PersistedHandle(handle, handle.length, handle.length); // the handle holds the data itself
      }

      @Override
      public KeyGroupRange keyGroupRange() {
        return range;
      }

      @Override
      public void release() {}
    };
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) {}

  @Override
  public void close() {
    columns.clear();
  }
}
