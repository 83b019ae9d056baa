package io.eddy.state.bytes;

import io.eddy.api.state.StateDescriptor;
import io.eddy.state.KeyGroupStreamFormat;
import io.eddy.state.KeyedBackendChecks;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * State restored from a canonical savepoint ({@link KeyGroupStreamFormat}) into a byte backend,
 * waiting in the store until the operator asks for it. The canonical form holds objects, and a
 * byte backend can only store them with the state's serializers, which are known once the
 * operator creates the state; until then each key group's section of each state or timer queue
 * lies in the column {@value #COLUMN} as it came:
 * {@code [keyGroup:2][0 state | 1 timer queue][name, UTF-8] -> section}, where a state's section
 * is {@code byte kind, int entries, entries} and a queue's {@code int timers, timers}.
 *
 * <p>The column is checkpointed, restored and rescaled like any other (its keys start with the
 * key group), so a checkpoint taken before the operator asked for a state keeps that state.
 * Creating the state moves its sections into the state's column ({@link #drainState}); a savepoint
 * copies the sections still staged ({@link #sections}). Task thread only.
 */
final class StagedSavepointState {
  static final String COLUMN = "_savepoint";
  static final byte STATE = 0;
  static final byte TIMER_QUEUE = 1;

  private final KvColumn column;
  private final int maxParallelism;

  StagedSavepointState(KvColumn column, int maxParallelism) {
    this.column = column;
    this.maxParallelism = maxParallelism;
  }

  /** One staged section: its name and bytes (what follows the name in the canonical layout). */
  record Section(String name, byte[] bytes) {}

  /** Stages one key group of a canonical snapshot, section by section. */
  void stage(int keyGroup, DataInputStream in) throws IOException {
    Stager stager = new Stager(keyGroup);
    KeyGroupStreamFormat.readKeyGroup(keyGroup, maxParallelism, in, stager);
    stager.end();
  }

  /** Collects one section at a time and puts it when the next begins (and after the last). */
  private final class Stager implements KeyGroupStreamFormat.Visitor {
    private final int keyGroup;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);
    private byte[] key;
    private int kind;
    private int count;

    Stager(int keyGroup) {
      this.keyGroup = keyGroup;
    }

    @Override
    public void state(String name, StateDescriptor.Kind kind) throws IOException {
      begin(STATE, name, kind.ordinal());
    }

    @Override
    public void entry(Object key, Object namespace, Object value) throws IOException {
      KeyGroupStreamFormat.writeEntry(out, key, namespace, value);
      count++;
    }

    @Override
    public void timerQueue(String name) throws IOException {
      begin(TIMER_QUEUE, name, -1);
    }

    @Override
    public void timer(long timestamp, Object key, Object namespace) throws IOException {
      KeyGroupStreamFormat.writeTimer(out, timestamp, key, namespace);
      count++;
    }

    private void begin(byte type, String name, int kind) throws IOException {
      end();
      this.key = key(keyGroup, type, name);
      this.kind = kind;
      this.count = 0;
      bytes.reset();
    }

    void end() throws IOException {
      if (key == null || count == 0) {
        return;
      }
      ByteArrayOutputStream section = new ByteArrayOutputStream(bytes.size() + 5);
      DataOutputStream head = new DataOutputStream(section);
      if (kind >= 0) {
        head.writeByte(kind);
      }
      head.writeInt(count);
      bytes.writeTo(section);
      column.put(key, section.toByteArray());
      key = null;
    }
  }

  /**
   * Moves the staged entries of state {@code name} in one key group to {@code sink}, which stores
   * them in the state's column, and removes them from this column.
   */
  void drainState(String name, StateDescriptor.Kind kind, int keyGroup, KeyGroupStreamFormat.EntrySink sink)
      throws IOException {
    byte[] key = key(keyGroup, STATE, name);
    byte[] section = column.get(key);
    if (section != null) {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(section));
      KeyedBackendChecks.requireKind(name, KeyGroupStreamFormat.kind(in.readByte(), name), kind);
      KeyGroupStreamFormat.readEntries(keyGroup, maxParallelism, name, in, sink);
      column.delete(key);
    }
  }

  /** Like {@link #drainState}, for the timers of timer queue {@code name}. */
  void drainTimers(String name, int keyGroup, KeyGroupStreamFormat.TimerSink sink) throws IOException {
    byte[] key = key(keyGroup, TIMER_QUEUE, name);
    byte[] section = column.get(key);
    if (section != null) {
      KeyGroupStreamFormat.readTimers(keyGroup, maxParallelism,
          new DataInputStream(new ByteArrayInputStream(section)), sink);
      column.delete(key);
    }
  }

  /** The sections of one type ({@link #STATE} or {@link #TIMER_QUEUE}) still staged for a key group. */
  List<Section> sections(int keyGroup, byte type) throws IOException {
    List<Section> sections = new ArrayList<>();
    byte[] prefix = {(byte) (keyGroup >>> 8), (byte) keyGroup, type};
    try (KvCursor cursor = column.scan(prefix)) {
      while (cursor.next()) {
        byte[] key = cursor.key();
        sections.add(new Section(new String(key, 3, key.length - 3, StandardCharsets.UTF_8), cursor.value()));
      }
    }
    return sections;
  }

  private static byte[] key(int keyGroup, byte type, String name) {
    byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
    byte[] key = new byte[3 + utf8.length];
    key[0] = (byte) (keyGroup >>> 8);
    key[1] = (byte) keyGroup;
    key[2] = type;
    System.arraycopy(utf8, 0, key, 3, utf8.length);
    return key;
  }
}
