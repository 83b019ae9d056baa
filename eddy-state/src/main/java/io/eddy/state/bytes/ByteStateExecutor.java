package io.eddy.state.bytes;

import io.eddy.state.async.StateExecutor;
import io.eddy.state.async.StateRequest;
import io.eddy.state.async.StateRequestType;
import io.eddy.state.async.SyncRequests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The {@link StateExecutor} of the byte stores (rocksdb, disaggregated): a batch's point reads go
 * to the store as multi-gets, split over a pool of read threads, while the task thread goes on
 * with other records; its writes are applied as one {@link KvWriteBatch}.
 *
 * <p>A batch runs in rounds. Planning (task thread) serializes every request's key and value and
 * takes requests in order while no read needs a write made earlier in the round (the same stored
 * entry, or any entry of the record key after a request run through the synchronous API); the
 * round's reads then run on the pool, and applying (task thread again, through {@code
 * taskThread}) walks the round in order: decodes what was read, folds read-modify-writes (reducing
 * and aggregating adds), collects writes. Requests the store cannot batch (map iteration and
 * emptiness, clearing a map, states wrapped for TTL) run in place through the synchronous API,
 * after the writes before them are committed. So each request sees the state as if the batch ran
 * one request after another; usually a batch is one round.
 *
 * <p>Reads the store answers from memory and its caches ({@link KvColumn#multiGetCached}) are
 * answered on the task thread when the round is planned; only the others go to the pool, split
 * into at most {@code readThreads} multi-gets.
 *
 * <p>Threading: the pool only reads ({@link KvColumn#multiGet}); everything else, including all
 * writes and every serializer call, happens on the task thread. With no read threads ({@link
 * KvStore#asyncReadThreads()} 0) reads run on the task thread too.
 */
final class ByteStateExecutor implements StateExecutor {
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final ByteKeyedStateBackend<Object> backend;
  private final KvStore store;
  private final Executor taskThread;
  private final int readThreads;
  private final ExecutorService readPool;

  private enum Kind { READ, FOLD, WRITE, SYNC }

  /** Writes a prepared write into a batch. */
  private interface Write {
    void to(KvWriteBatch batch) throws IOException;
  }

  /** The write of requests that change nothing (a prefetch that reads nothing, adding no elements). */
  private static final Write NOTHING = b -> {};

  /** A stored entry: the unit in which a round's reads must see its writes. */
  private record StoredEntry(KvColumn column, byte[] key) {
    @Override
    public boolean equals(Object o) {
      return o instanceof StoredEntry e && e.column == column && Arrays.equals(e.key, key);
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(column) * 31 + Arrays.hashCode(key);
    }
  }

  /** One request, prepared on the task thread. */
  private static final class Op {
    final StateRequest request;
    final Kind kind;
    KvColumn column;
    byte[] key;
    Function<byte[], Object> decode; // READ: what the read bytes mean
    FoldingByteState<?, ?, Object> folding; // FOLD
    Write write; // WRITE
    byte[] fetched;

    Op(StateRequest request, Kind kind) {
      this.request = request;
      this.kind = kind;
    }

    boolean reads() {
      return kind == Kind.READ || kind == Kind.FOLD;
    }
  }

  private record Round(List<Op> ops, List<Op> reads, int end) {}

  @SuppressWarnings("unchecked")
  ByteStateExecutor(ByteKeyedStateBackend<?> backend, KvStore store, Executor taskThread) {
    this.backend = (ByteKeyedStateBackend<Object>) backend;
    this.store = store;
    this.taskThread = taskThread;
    this.readThreads = store.asyncReadThreads();
    int pool = POOLS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    this.readPool = readThreads == 0 ? null : Executors.newFixedThreadPool(readThreads, r -> {
      Thread t = new Thread(r, "eddy-state-read-" + store.kind() + "-" + pool + "-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public CompletableFuture<Void> executeBatch(List<? extends StateRequest> batch) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    runFrom(batch, 0, done);
    return done;
  }

  /**
   * A request the store answers without I/O runs now: a write (into the memtable, as a batch's
   * writes are applied on the task thread), or a read or fold whose entry the memory or the caches
   * hold. Requests run through the synchronous API (map scans, TTL) wait for a batch.
   */
  @Override
  public boolean tryAnswerAtOnce(StateRequest request) throws Exception {
    Object previousKey = backend.getCurrentKey();
    try {
      Op op = prepare(request);
      if (op.kind == Kind.SYNC) {
        return false;
      }
      List<Op> ops = List.of(op);
      if (op.reads()) {
        if (readPool == null) {
          return false; // then the batch reads on the task thread anyway, a multi-get for many records
        }
        if (!fetchCached(ops).isEmpty()) {
          return false;
        }
      }
      apply(new Round(ops, ops, 1));
      return true;
    } finally {
      restore(previousKey);
    }
  }

  /** Task thread: runs rounds until one waits for the read pool (it resumes when its reads are back). */
  private void runFrom(List<? extends StateRequest> batch, int from, CompletableFuture<Void> done) {
    Object previousKey = backend.getCurrentKey();
    try {
      while (from < batch.size()) {
        Round round = plan(batch, from);
        List<Op> misses = fetchCached(round.reads()); // (first: see CachingKvColumn#multiGet)
        if (readPool != null && !misses.isEmpty()) {
          readOnPool(misses).whenComplete((ignored, failure) -> taskThread.execute(() -> {
            if (failure != null) {
              done.completeExceptionally(failure);
              return;
            }
            Object key = backend.getCurrentKey();
            try {
              apply(round);
            } catch (Exception e) {
              done.completeExceptionally(e);
              return;
            } finally {
              restore(key);
            }
            runFrom(batch, round.end(), done);
          }));
          return;
        }
        fetch(misses);
        apply(round);
        from = round.end();
      }
      done.complete(null);
    } catch (Exception e) {
      done.completeExceptionally(e);
    } finally {
      restore(previousKey);
    }
  }

  private void restore(Object key) {
    if (key != null) {
      backend.setCurrentKey(key);
    }
  }

  private Round plan(List<? extends StateRequest> batch, int from) {
    List<Op> ops = new ArrayList<>();
    List<Op> reads = new ArrayList<>();
    Set<StoredEntry> written = new HashSet<>();
    Set<Object> syncKeys = new HashSet<>();
    int i = from;
    for (; i < batch.size(); i++) {
      StateRequest request = batch.get(i);
      Op op = prepare(request);
      // (a request run through the synchronous API reads after the round's writes before it are committed)
      if (op.reads() && (syncKeys.contains(request.key()) || written.contains(new StoredEntry(op.column, op.key)))) {
        break; // it must see a write of this round: next round
      }
      ops.add(op);
      if (op.reads()) {
        reads.add(op);
      }
      if (op.kind == Kind.SYNC) {
        syncKeys.add(request.key()); // may write any entry of the record key
      } else if (op.kind != Kind.READ && op.key != null) {
        written.add(new StoredEntry(op.column, op.key));
      } else if (op.kind == Kind.WRITE && op.write != NOTHING) {
        syncKeys.add(request.key()); // a write of several entries: as if it touched any of the record key
      }
    }
    return new Round(ops, reads, i);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Op prepare(StateRequest request) {
    if (!(request.state() instanceof AbstractByteState<?, ?> state)) {
      // wrapped (TTL): its own read-modify-write logic; a prefetch of it does nothing
      return request.type() == StateRequestType.PREFETCH ? write(request, NOTHING) : new Op(request, Kind.SYNC);
    }
    backend.setCurrentKey(request.key());
    Object ns = request.namespace();
    AbstractByteState<Object, Object> s = (AbstractByteState<Object, Object>) state;
    KvColumn column = state.column;
    return switch (request.type()) {
      case VALUE_GET -> {
        ByteValueState v = (ByteValueState) state;
        yield read(request, column, s.keyIn(ns), b -> b == null ? null : v.decode(b));
      }
      case LIST_GET -> {
        ByteListState l = (ByteListState) state;
        yield read(request, column, s.keyIn(ns), b -> b == null ? new ArrayList<>() : l.decode(b));
      }
      case MAP_GET, MAP_CONTAINS -> {
        ByteMapState m = (ByteMapState) state;
        byte[] key = s.keyWithUserKey(ns, m.userKeySerializer, request.payload());
        yield request.type() == StateRequestType.MAP_CONTAINS
            ? read(request, column, key, b -> b != null)
            : read(request, column, key, b -> b == null ? null : m.decodeValue(b));
      }
      case REDUCING_GET, AGGREGATING_GET -> {
        FoldingByteState f = (FoldingByteState) state;
        yield read(request, column, s.keyIn(ns), b -> b == null ? null : f.result(f.decodeAccumulator(b)));
      }
      case REDUCING_ADD, AGGREGATING_ADD -> {
        Op op = new Op(request, Kind.FOLD);
        op.column = column;
        op.key = s.keyIn(ns);
        op.folding = (FoldingByteState) state;
        yield op;
      }
      case VALUE_UPDATE -> {
        byte[] key = s.keyIn(ns);
        if (request.payload() == null) {
          yield write(request, column, key, b -> b.delete(column, key));
        }
        byte[] value = ((ByteValueState) state).encode(request.payload());
        yield write(request, column, key, b -> b.put(column, key, value));
      }
      case LIST_ADD -> {
        byte[] operand = ((ByteListState) state).encode(List.of(ByteListState.requireNonNull(request.payload())));
        byte[] key = s.keyIn(ns);
        yield write(request, column, key, b -> b.append(column, key, operand));
      }
      case LIST_ADD_ALL, LIST_UPDATE -> {
        List<Object> list = (List<Object>) request.payload();
        byte[] key = s.keyIn(ns);
        boolean replace = request.type() == StateRequestType.LIST_UPDATE;
        if (list == null || list.isEmpty()) {
          yield replace ? write(request, column, key, b -> b.delete(column, key)) : write(request, NOTHING);
        }
        byte[] bytes = ((ByteListState) state).encode(list);
        yield write(request, column, key, replace ? b -> b.put(column, key, bytes) : b -> b.append(column, key, bytes));
      }
      case MAP_PUT -> {
        ByteMapState m = (ByteMapState) state;
        byte[] key = s.keyWithUserKey(ns, m.userKeySerializer, request.payload());
        byte[] value = m.encodeValue(request.value());
        yield write(request, column, key, b -> b.put(column, key, value));
      }
      case MAP_PUT_ALL -> {
        ByteMapState m = (ByteMapState) state;
        List<byte[]> pairs = new ArrayList<>();
        for (Map.Entry<Object, Object> e : ((Map<Object, Object>) request.payload()).entrySet()) {
          pairs.add(s.keyWithUserKey(ns, m.userKeySerializer, e.getKey()));
          pairs.add(m.encodeValue(e.getValue()));
        }
        yield write(request, b -> {
          for (int p = 0; p < pairs.size(); p += 2) {
            b.put(column, pairs.get(p), pairs.get(p + 1));
          }
        });
      }
      case MAP_REMOVE -> {
        ByteMapState m = (ByteMapState) state;
        byte[] key = s.keyWithUserKey(ns, m.userKeySerializer, request.payload());
        yield write(request, column, key, b -> b.delete(column, key));
      }
      case CLEAR -> {
        if (state instanceof ByteMapState) {
          yield new Op(request, Kind.SYNC); // a prefix of entries: the synchronous scan-and-delete
        }
        byte[] key = s.keyIn(ns);
        yield write(request, column, key, b -> b.delete(column, key));
      }
      case MAP_ITER, MAP_IS_EMPTY -> new Op(request, Kind.SYNC);
      case PREFETCH -> prefetch(request, s, ns);
    };
  }

  /** A read whose bytes only warm the store's caches (a map's entries are not named by a prefetch). */
  private static Op prefetch(StateRequest request, AbstractByteState<Object, Object> state, Object namespace) {
    return state instanceof ByteMapState<?, ?, ?, ?> ? write(request, NOTHING)
        : read(request, state.column, state.keyIn(namespace), b -> null);
  }

  private static Op read(StateRequest request, KvColumn column, byte[] key, Function<byte[], Object> decode) {
    Op op = new Op(request, Kind.READ);
    op.column = column;
    op.key = key;
    op.decode = decode;
    return op;
  }

  /** A write of the one entry {@code key} of {@code column}. */
  private static Op write(StateRequest request, KvColumn column, byte[] key, Write write) {
    Op op = write(request, write);
    op.column = column;
    op.key = key;
    return op;
  }

  /** A write of no entry ({@link #NOTHING}) or of several. */
  private static Op write(StateRequest request, Write write) {
    Op op = new Op(request, Kind.WRITE);
    op.write = write;
    return op;
  }

  /** The reads split into at most {@code readThreads} parts, each read on the pool. */
  private CompletableFuture<Void> readOnPool(List<Op> reads) {
    int parts = Math.min(readThreads, reads.size());
    int per = (reads.size() + parts - 1) / parts;
    List<CompletableFuture<Void>> futures = new ArrayList<>(parts);
    for (int from = 0; from < reads.size(); from += per) {
      List<Op> part = reads.subList(from, Math.min(reads.size(), from + per));
      futures.add(CompletableFuture.runAsync(() -> {
        try {
          fetch(part);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }, readPool));
    }
    return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
  }

  /** Reads the keys of {@code reads}, one multi-get per column. Any thread (see the class comment). */
  private static void fetch(List<Op> reads) throws IOException {
    for (Map.Entry<KvColumn, List<Op>> e : byColumn(reads).entrySet()) {
      List<Op> ops = e.getValue();
      List<byte[]> values = e.getKey().multiGet(keys(ops));
      for (int i = 0; i < ops.size(); i++) {
        ops.get(i).fetched = values.get(i);
      }
    }
  }

  /**
   * Task thread: gives the reads the store answers from memory and its caches their bytes, and
   * returns the others (to be read on the pool): a batch of cache hits runs without a thread hop.
   */
  private static List<Op> fetchCached(List<Op> reads) throws IOException {
    List<Op> misses = new ArrayList<>();
    for (Map.Entry<KvColumn, List<Op>> e : byColumn(reads).entrySet()) {
      List<Op> ops = e.getValue();
      BitSet answered = new BitSet(ops.size());
      List<byte[]> values = e.getKey().multiGetCached(keys(ops), answered);
      for (int i = 0; i < ops.size(); i++) {
        if (answered.get(i)) {
          ops.get(i).fetched = values.get(i);
        } else {
          misses.add(ops.get(i));
        }
      }
    }
    return misses;
  }

  private static Map<KvColumn, List<Op>> byColumn(List<Op> reads) {
    Map<KvColumn, List<Op>> byColumn = new IdentityHashMap<>();
    for (Op op : reads) {
      byColumn.computeIfAbsent(op.column, c -> new ArrayList<>()).add(op);
    }
    return byColumn;
  }

  private static List<byte[]> keys(List<Op> ops) {
    List<byte[]> keys = new ArrayList<>(ops.size());
    for (Op op : ops) {
      keys.add(op.key);
    }
    return keys;
  }

  /** Task thread: the round's results and writes, in request order. */
  private void apply(Round round) throws Exception {
    KvWriteBatch writes = backend.newWriteBatch();
    for (Op op : round.ops()) {
      switch (op.kind) {
        case READ -> op.request.setResult(op.decode.apply(op.fetched));
        case WRITE -> {
          op.write.to(writes);
          op.request.setResult(null);
        }
        case FOLD -> {
          FoldingByteState<?, ?, Object> f = op.folding;
          Object accumulator = f.fold(op.fetched == null ? null : f.decodeAccumulator(op.fetched), op.request.payload());
          writes.put(op.column, op.key, f.encodeAccumulator(accumulator));
          op.request.setResult(null);
        }
        case SYNC -> {
          writes.commit();
          SyncRequests.execute(backend, op.request);
        }
      }
    }
    writes.commit();
  }

  @Override
  public boolean readsOffTaskThread() {
    return readPool != null;
  }

  /**
   * With read threads and a store whose columns answer cached reads ({@link
   * KvStore#answersCachedReads}), whatever memory and the caches answer is answered at once
   * ({@link #tryAnswerAtOnce}).
   */
  @Override
  public boolean batchesOnlyIo() {
    return readPool != null && store.answersCachedReads();
  }

  @Override
  public void close() {
    if (readPool != null) {
      readPool.shutdown();
      try {
        if (!readPool.awaitTermination(1, TimeUnit.MINUTES)) {
          throw new IllegalStateException("state reads of the '" + store.kind() + "' backend did not finish in 1 minute");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
