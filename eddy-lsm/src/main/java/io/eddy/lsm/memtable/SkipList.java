package io.eddy.lsm.memtable;

import io.eddy.lsm.util.Bytes;
import io.eddy.lsm.util.InternalKey;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * The memtable's sorted index: a skip list of (user key, trailer, value) ordered by
 * {@link InternalKey#compare}. Each node keeps key and value in one array, so an entry costs
 * two objects (node, bytes) and no boxing; the node also keeps the key's first 8 bytes as
 * a long and its lowest links as fields, so most steps of a search touch only the node.
 *
 * <p>Thread safety (the LevelDB contract): one writer at a time (callers serialise
 * {@link #insert}), any number of concurrent readers without locks. A node is fully built
 * before it is linked with a release store, and readers follow links with acquire loads,
 * so a reader sees either the whole node or nothing. Nodes are never removed.
 */
public final class SkipList {
  static final int MAX_HEIGHT = 12;
  /** Links of the lowest levels live in node fields, higher ones in an array. */
  static final int INLINE_LEVELS = 4;
  private static final VarHandle UPPER = MethodHandles.arrayElementVarHandle(Node[].class);
  // One static final field per level, not an array: the JIT treats only static final var handles
  // as constants and inlines their accesses; through an array element every hop went through the
  // var handle's generic access-mode check (half of a disaggregated CEP run's samples).
  private static final VarHandle N0 = link(0);
  private static final VarHandle N1 = link(1);
  private static final VarHandle N2 = link(2);
  private static final VarHandle N3 = link(3);

  private static VarHandle link(int level) {
    try {
      return MethodHandles.lookup().findVarHandle(Node.class, "n" + level, Node.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /**
   * One entry. Immutable after linking, except its forward links. The links of levels 0-3
   * are fields, so walking the lower levels (most of a search) touches the node itself and
   * not a separate link array: one cache miss per hop instead of two.
   */
  public static final class Node {
    final long prefix;
    final byte[] kv;
    final int keyLength;
    final long trailer;
    @SuppressWarnings("unused") // accessed through the N0-N3 var handles
    private Node n0;
    @SuppressWarnings("unused")
    private Node n1;
    @SuppressWarnings("unused")
    private Node n2;
    @SuppressWarnings("unused")
    private Node n3;
    private final Node[] upper;

    Node(byte[] kv, int keyLength, long prefix, long trailer, int height) {
      this.prefix = prefix;
      this.kv = kv;
      this.keyLength = keyLength;
      this.trailer = trailer;
      this.upper = height > INLINE_LEVELS ? new Node[height - INLINE_LEVELS] : null;
    }

    Node next(int level) {
      return switch (level) {
        case 0 -> (Node) N0.getAcquire(this);
        case 1 -> (Node) N1.getAcquire(this);
        case 2 -> (Node) N2.getAcquire(this);
        case 3 -> (Node) N3.getAcquire(this);
        default -> (Node) UPPER.getAcquire(upper, level - INLINE_LEVELS);
      };
    }

    /** Publishes a link: everything written before becomes visible to readers that follow it. */
    void setNext(int level, Node node) {
      switch (level) {
        case 0 -> N0.setRelease(this, node);
        case 1 -> N1.setRelease(this, node);
        case 2 -> N2.setRelease(this, node);
        case 3 -> N3.setRelease(this, node);
        default -> UPPER.setRelease(upper, level - INLINE_LEVELS, node);
      }
    }

    public byte[] key() {
      return Arrays.copyOf(kv, keyLength);
    }

    public long trailer() {
      return trailer;
    }

    public byte[] value() {
      return Arrays.copyOfRange(kv, keyLength, kv.length);
    }

    /** Compares this node's key with {@code key} without copying. */
    public int compareKey(byte[] key) {
      return Arrays.compareUnsigned(kv, 0, keyLength, key, 0, key.length);
    }

    int compareTo(byte[] key, long keyPrefix, long trailer) {
      int c = Long.compareUnsigned(prefix, keyPrefix);
      if (c != 0) {
        return c;
      }
      c = compareKey(key);
      return c != 0 ? c : Long.compareUnsigned(trailer, this.trailer);
    }

    public Node next() {
      return next(0);
    }
  }

  private final Node head = new Node(new byte[0], 0, 0, 0, MAX_HEIGHT);
  private final Node[] prev = new Node[MAX_HEIGHT];
  private volatile int height = 1;

  /** Writer-only xorshift state; heights need no strong randomness. */
  private int seed = 0x2545F491;

  private int randomHeight() {
    int x = seed;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    seed = x;
    int h = 1;
    while (h < MAX_HEIGHT && (x & 3) == 0) {
      h++;
      x >>>= 2;
    }
    return h;
  }

  /**
   * Inserts an entry. REQUIRES: external serialisation of writers, and (key, trailer) not
   * already present (sequence numbers make every trailer unique per key).
   */
  public void insert(byte[] key, long trailer, byte[] value) {
    byte[] kv = new byte[key.length + (value == null ? 0 : value.length)];
    System.arraycopy(key, 0, kv, 0, key.length);
    if (value != null) {
      System.arraycopy(value, 0, kv, key.length, value.length);
    }
    findGreaterOrEqual(key, trailer, prev);
    int h = randomHeight();
    if (h > height) {
      for (int i = height; i < h; i++) {
        prev[i] = head;
      }
      height = h;
    }
    Node node = new Node(kv, key.length, Bytes.prefix(key), trailer, h);
    for (int i = 0; i < h; i++) {
      node.setNext(i, prev[i].next(i));
      prev[i].setNext(i, node);
    }
  }

  /** The first node at or after (key, trailer), or null. */
  public Node seek(byte[] key, long trailer) {
    return findGreaterOrEqual(key, trailer, null);
  }

  /**
   * The first node at or after (key, trailer), or null; if {@code prev} is given, fills it
   * with the last node before that position at every level (what an insert links after).
   */
  private Node findGreaterOrEqual(byte[] key, long trailer, Node[] prev) {
    long keyPrefix = Bytes.prefix(key);
    Node x = head;
    int level = height - 1;
    while (true) {
      Node next = x.next(level);
      if (next != null && next.compareTo(key, keyPrefix, trailer) < 0) {
        x = next;
        continue;
      }
      if (prev != null) {
        prev[level] = x;
      }
      if (level == 0) {
        return next;
      }
      level--;
    }
  }

  /** The first node, or null when empty. */
  public Node first() {
    return head.next(0);
  }
}
