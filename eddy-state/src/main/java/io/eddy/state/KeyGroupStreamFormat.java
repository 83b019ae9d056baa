package io.eddy.state;

import io.eddy.api.state.StateDescriptor;
import io.eddy.api.types.TypeSerializer;
import io.eddy.api.types.TypeSerializers;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The canonical layout of one key group in a {@link KeyGroupStreamSnapshot}: what the hashmap
 * backend checkpoints and what every backend writes into a savepoint, so that a savepoint of any
 * backend restores into any other (Flink's canonical savepoint format). Values are in the form
 * the hashmap backend holds them (a list state's value is an {@code ArrayList}, a map state's a
 * {@code HashMap}, a TTL-ed value a {@code TtlValue}); keys, namespaces and values are in the
 * generic serializer's form, the void namespace as a single flag byte:
 *
 * <pre>
 * int states;  per state: UTF name, byte kind (StateDescriptor.Kind ordinal),
 *              int entries, entries of (key, namespace, value)
 * int queues;  per timer queue: UTF name, int timers, timers of (long time, key, namespace)
 * </pre>
 *
 * Readers check that every key belongs to the key group it is stored under, so a changed max
 * parallelism or an unstable {@code hashCode} is reported instead of silently misplacing state.
 */
public final class KeyGroupStreamFormat {
  private static final TypeSerializer<Object> GENERIC = TypeSerializers.generic();
  private static final StateDescriptor.Kind[] KINDS = StateDescriptor.Kind.values();

  private KeyGroupStreamFormat() {}

  /** Receives the entries of one state section. */
  @FunctionalInterface
  public interface EntrySink {
    void entry(Object key, Object namespace, Object value) throws IOException;
  }

  /** Receives the timers of one timer queue section. */
  @FunctionalInterface
  public interface TimerSink {
    void timer(long timestamp, Object key, Object namespace) throws IOException;
  }

  /** Receives what {@link #readKeyGroup} reads, state by state and queue by queue. */
  public interface Visitor extends EntrySink, TimerSink {
    /** A state section starts; its entries follow through {@link #entry}. */
    void state(String name, StateDescriptor.Kind kind) throws IOException;

    /** A timer queue section starts; its timers follow through {@link #timer}. */
    void timerQueue(String name) throws IOException;
  }

  /** The kind of the ordinal a state section stores. */
  public static StateDescriptor.Kind kind(int ordinal, String state) throws IOException {
    if (ordinal < 0 || ordinal >= KINDS.length) {
      throw new IOException("Corrupt snapshot: unknown state kind " + ordinal + " for state '" + state + "'");
    }
    return KINDS[ordinal];
  }

  public static void writeStateHeader(DataOutputStream out, String name, StateDescriptor.Kind kind, int entries)
      throws IOException {
    out.writeUTF(name);
    out.writeByte(kind.ordinal());
    out.writeInt(entries);
  }

  public static void writeEntry(DataOutputStream out, Object key, Object namespace, Object value) throws IOException {
    GENERIC.serialize(key, out);
    writeNamespace(namespace, out);
    GENERIC.serialize(value, out);
  }

  public static void writeQueueHeader(DataOutputStream out, String name, int timers) throws IOException {
    out.writeUTF(name);
    out.writeInt(timers);
  }

  public static void writeTimer(DataOutputStream out, long timestamp, Object key, Object namespace)
      throws IOException {
    out.writeLong(timestamp);
    GENERIC.serialize(key, out);
    writeNamespace(namespace, out);
  }

  /** Reads one key group written in this layout. */
  public static void readKeyGroup(int keyGroup, int maxParallelism, DataInputStream in, Visitor visitor)
      throws IOException {
    int states = in.readInt();
    for (int s = 0; s < states; s++) {
      String name = in.readUTF();
      visitor.state(name, kind(in.readByte(), name));
      readEntries(keyGroup, maxParallelism, name, in, visitor);
    }
    int queues = in.readInt();
    for (int q = 0; q < queues; q++) {
      visitor.timerQueue(in.readUTF());
      readTimers(keyGroup, maxParallelism, in, visitor);
    }
  }

  /** Reads {@code int entries} and the entries of one state section (what follows its kind). */
  public static void readEntries(int keyGroup, int maxParallelism, String state, DataInputStream in, EntrySink sink)
      throws IOException {
    int entries = in.readInt();
    for (int e = 0; e < entries; e++) {
      Object key = GENERIC.deserialize(in);
      Object namespace = readNamespace(in);
      Object value = GENERIC.deserialize(in);
      checkKeyGroup(key, keyGroup, maxParallelism, "state '" + state + "'");
      sink.entry(key, namespace, value);
    }
  }

  /** Reads {@code int timers} and the timers of one queue section (what follows its name). */
  public static void readTimers(int keyGroup, int maxParallelism, DataInputStream in, TimerSink sink)
      throws IOException {
    int timers = in.readInt();
    for (int t = 0; t < timers; t++) {
      long time = in.readLong();
      Object key = GENERIC.deserialize(in);
      Object namespace = readNamespace(in);
      checkKeyGroup(key, keyGroup, maxParallelism, "timers");
      sink.timer(time, key, namespace);
    }
  }

  private static void writeNamespace(Object namespace, DataOutputStream out) throws IOException {
    boolean isVoid = namespace == VoidNamespace.INSTANCE;
    out.writeBoolean(isVoid);
    if (!isVoid) {
      GENERIC.serialize(namespace, out);
    }
  }

  private static Object readNamespace(DataInputStream in) throws IOException {
    return in.readBoolean() ? VoidNamespace.INSTANCE : GENERIC.deserialize(in);
  }

  private static void checkKeyGroup(Object key, int keyGroup, int maxParallelism, String what) throws IOException {
    int actual = KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism);
    if (actual != keyGroup) {
      throw new IOException("Snapshot of " + what + " holds key " + key + " under key group " + keyGroup
          + " but it belongs to " + actual + ": was max parallelism changed, or is the key's hashCode unstable?");
    }
  }
}
