package io.eddy.runtime.asyncprocessing;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.state.v2.ListState;
import io.eddy.api.state.v2.ListStateDescriptor;
import io.eddy.api.state.v2.MapState;
import io.eddy.api.state.v2.MapStateDescriptor;
import io.eddy.api.state.v2.ReducingState;
import io.eddy.api.state.v2.ReducingStateDescriptor;
import io.eddy.api.state.v2.StateFutureUtils;
import io.eddy.api.state.v2.ValueState;
import io.eddy.api.state.v2.ValueStateDescriptor;
import io.eddy.runtime.state.v2.AsyncKeyedStateStore;
import io.eddy.runtime.state.v2.StateApiUsage;
import io.eddy.state.KeyGroupRange;
import io.eddy.state.VoidNamespace;
import io.eddy.state.async.InlineStateExecutor;
import io.eddy.state.async.StateRequest;
import io.eddy.state.heap.HeapKeyedStateBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * Per-key order under the async execution controller: random records of a few keys, random
 * watermarks firing event-time timers, small random batches and in-flight limits, and state
 * requests that complete in a random order (batches run and their results arrive in any order).
 * The output of a keyed function written against V2 state must equal, per key and between
 * watermarks, what the same function gives in the synchronous model (plain maps, one record after
 * another); every watermark must come after all output of the records before it, and before all
 * output of the records after it. Watermarks do not drain: records of later epochs arrive while an
 * epoch still has requests in flight, so epochs interleave in the controller.
 */
class PerKeyOrderPropertyTest {

  /** A record of key {@code key} with value {@code value}, or a watermark. */
  record Op(boolean watermark, String key, int value) {}

  /** An event-time timer; ordered by time, then key. */
  record Timer(long time, String key) implements Comparable<Timer> {
    @Override
    public int compareTo(Timer o) {
      int byTime = Long.compare(time, o.time);
      return byTime != 0 ? byTime : key.compareTo(o.key);
    }
  }

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<Op> record = Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 40))
        .as((k, v) -> new Op(false, "k" + k, v));
    return Arbitraries.frequencyOf(Tuple.of(8, record), Tuple.of(1, Arbitraries.just(new Op(true, null, 0))))
        .list().ofMaxSize(150);
  }

  @Property(tries = 80)
  void outputPerKeyEqualsTheSynchronousRun(@ForAll("ops") List<Op> ops, @ForAll @IntRange(min = 1, max = 8) int bufferSize,
      @ForAll @IntRange(min = 1, max = 12) int inFlightLimit, @ForAll long seed) {
    List<String> expected = new SyncModel().run(ops);
    AsyncRun run = new AsyncRun(bufferSize, inFlightLimit, seed, false, false);
    List<String> actual = run.run(ops);
    assertThat(segments(actual)).isEqualTo(segments(expected));
    Statistics.label("records arrived while an earlier epoch was unfinished").collect(run.mostGated > 0);
  }

  /** The same when the executor answers a random third of the requests as they are issued (cache hits). */
  @Property(tries = 60)
  void outputPerKeyEqualsTheSynchronousRunWhenSomeRequestsAreAnsweredAtOnce(@ForAll("ops") List<Op> ops,
      @ForAll @IntRange(min = 1, max = 8) int bufferSize, @ForAll @IntRange(min = 1, max = 12) int inFlightLimit,
      @ForAll long seed) {
    List<String> expected = new SyncModel().run(ops);
    AsyncRun run = new AsyncRun(bufferSize, inFlightLimit, seed, false, true);
    assertThat(segments(run.run(ops))).isEqualTo(segments(expected));
    Statistics.label("requests answered at once").collect(run.controller.numAnsweredAtOnce() > 0);
  }

  /** The same with the heap's own executor, which answers each request at once (no batches, no mail). */
  @Property(tries = 40)
  void outputEqualsTheSynchronousRunWhenRequestsAreAnsweredAtOnce(@ForAll("ops") List<Op> ops,
      @ForAll @IntRange(min = 1, max = 12) int inFlightLimit, @ForAll long seed) {
    List<String> expected = new SyncModel().run(ops);
    AsyncRun run = new AsyncRun(4, inFlightLimit, seed, true, false);
    List<String> actual = run.run(ops);
    assertThat(segments(actual)).isEqualTo(segments(expected));
    assertThat(run.controller.batchSizes().getCount()).as("batches sent").isZero();
  }

  /** Output split at watermarks, each part grouped by key (the order across keys is free). */
  private static List<Object> segments(List<String> output) {
    List<Object> parts = new ArrayList<>();
    Map<String, List<String>> byKey = new HashMap<>();
    for (String line : output) {
      if (line.startsWith("wm ")) {
        parts.add(byKey);
        parts.add(line);
        byKey = new HashMap<>();
      } else {
        byKey.computeIfAbsent(line.substring(0, line.indexOf(':')), k -> new ArrayList<>()).add(line);
      }
    }
    parts.add(byKey);
    return parts;
  }

  /** The watermark after op {@code i}: event time is the position, three behind. */
  private static long watermarkAt(int i) {
    return i - 3;
  }

  /** The reference: the same function in the synchronous model. */
  private static final class SyncModel {
    final List<String> out = new ArrayList<>();
    final TreeSet<Timer> timers = new TreeSet<>();
    final Map<String, Long> count = new HashMap<>();
    final Map<String, Long> sum = new HashMap<>();
    final Map<String, List<Integer>> seen = new HashMap<>();
    final Map<String, Map<Integer, Integer>> residues = new HashMap<>();

    List<String> run(List<Op> ops) {
      for (int i = 0; i < ops.size(); i++) {
        Op op = ops.get(i);
        if (op.watermark()) {
          watermark(watermarkAt(i));
        } else {
          record(op.key(), op.value(), i);
        }
      }
      watermark(Long.MAX_VALUE);
      return out;
    }

    void record(String key, int v, long ts) {
      sum.merge(key, (long) v, Long::sum);
      long n = count.merge(key, 1L, Long::sum);
      int r = residues.computeIfAbsent(key, k -> new HashMap<>()).merge(v % 3, 1, Integer::sum);
      out.add(key + ":rec v=" + v + " n=" + n + " r=" + r);
      if (v % 4 == 0) {
        timers.add(new Timer(ts + v % 7, key));
      }
      seen.computeIfAbsent(key, k -> new ArrayList<>()).add(v);
    }

    void watermark(long w) {
      while (!timers.isEmpty() && timers.first().time() <= w) {
        Timer t = timers.pollFirst();
        List<Integer> list = seen.remove(t.key());
        out.add(t.key() + ":timer t=" + t.time() + " s=" + sum.get(t.key()) + " c=" + count.get(t.key())
            + " seen=" + (list == null ? List.of() : list));
      }
      out.add("wm " + w);
    }
  }

  /** The function on V2 state through the controller, with randomly ordered completions. */
  private static final class AsyncRun {
    final List<String> out = new ArrayList<>();
    final TreeSet<Timer> timers = new TreeSet<>();
    final HeapKeyedStateBackend<String> backend = new HeapKeyedStateBackend<>(KeyGroupRange.of(0, 127), 128);
    final RandomOrderMailbox mailbox;
    final AsyncExecutionController<String> controller;
    final ValueState<Long> count;
    final ReducingState<Long> sum;
    final ListState<Integer> seen;
    final MapState<Integer, Integer> residues;
    final int inFlightLimit;
    final ReadProfile profile = new ReadProfile();
    /** The most records seen waiting for an earlier epoch at once. */
    int mostGated;

    /**
     * {@code atOnce}: the heap's executor as the backend gives it, else one whose batches complete
     * through mail in random order and which, if {@code someAtOnce}, answers some requests as issued.
     */
    AsyncRun(int bufferSize, int inFlightLimit, long seed, boolean atOnce, boolean someAtOnce) {
      this.inFlightLimit = inFlightLimit;
      mailbox = new RandomOrderMailbox(seed);
      controller = new AsyncExecutionController<>("counting", mailbox,
          atOnce ? new InlineStateExecutor(backend) : new MailDelayedExecutor(new InlineStateExecutor(backend), mailbox,
              someAtOnce ? thirdAtRandom(seed) : null),
          backend::setCurrentKey,
          new AsyncStateSettings(bufferSize, Duration.ofHours(1), inFlightLimit));
      AsyncKeyedStateStore<VoidNamespace> store = new AsyncKeyedStateStore<>(backend, VoidNamespace.SERIALIZER,
          () -> VoidNamespace.INSTANCE, () -> 0L, controller, new StateApiUsage("counting"));
      count = store.getState(new ValueStateDescriptor<>("count", Long.class));
      sum = store.getReducingState(new ReducingStateDescriptor<>("sum", Long::sum, Long.class));
      seen = store.getListState(new ListStateDescriptor<>("seen", Integer.class));
      residues = store.getMapState(new MapStateDescriptor<>("residues", Integer.class, Integer.class));
    }

    /** Picks about a third of the requests, at random. */
    private static Predicate<StateRequest> thirdAtRandom(long seed) {
      Random random = new Random(seed);
      return request -> random.nextInt(3) == 0;
    }

    List<String> run(List<Op> ops) {
      for (int i = 0; i < ops.size(); i++) {
        Op op = ops.get(i);
        if (op.watermark()) {
          watermark(watermarkAt(i));
        } else {
          long ts = i;
          // the profile makes records waiting for an epoch prefetch what records read (PREFETCH changes nothing)
          controller.processRecord(op.key(), null, profile, null, () -> record(op.key(), op.value(), ts));
          assertThat(controller.numInFlightRecords()).isLessThanOrEqualTo(inFlightLimit);
          mostGated = Math.max(mostGated, controller.numGatedRecords());
        }
        if (i % 7 == 0) {
          mailbox.tryYield(); // the task loop runs some mail between inputs
        }
      }
      watermark(Long.MAX_VALUE);
      controller.drainInflightRecords(); // the end of input, as an operator's finish()
      assertThat(controller.numInFlightRecords()).isZero();
      assertThat(controller.blockingBufferSize()).isZero();
      return out;
    }

    void record(String key, int v, long ts) {
      assertThat(backend.getCurrentKey()).isEqualTo(key);
      sum.asyncAdd((long) v);
      count.asyncValue()
          .thenCompose(c -> {
            long n = c == null ? 1 : c + 1;
            return count.asyncUpdate(n).thenApply(ignored -> n);
          })
          .thenCombine(residues.asyncGet(v % 3), (n, r) -> {
            int rr = r == null ? 1 : r + 1;
            residues.asyncPut(v % 3, rr);
            out.add(key + ":rec v=" + v + " n=" + n + " r=" + rr);
            if (v % 4 == 0) {
              timers.add(new Timer(ts + v % 7, key));
            }
            return null;
          })
          .thenCompose(ignored -> seen.asyncAdd(v));
    }

    void watermark(long w) {
      controller.processNonRecord(() -> {
        while (!timers.isEmpty() && timers.first().time() <= w) {
          Timer t = timers.pollFirst();
          controller.processRecord(t.key(), () -> onTimer(t.key(), t.time()));
        }
      }, () -> out.add("wm " + w));
    }

    void onTimer(String key, long time) {
      sum.asyncGet()
          .thenCombine(count.asyncValue(), (s, c) -> key + ":timer t=" + time + " s=" + s + " c=" + c)
          .thenCompose(text -> StateFutureUtils.toIterable(seen.asyncGet())
              .thenAccept(list -> out.add(text + " seen=" + list)))
          .thenCompose(ignored -> seen.asyncClear());
    }
  }
}
