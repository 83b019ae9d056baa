package io.eddy.cep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.execution.JobExecutionException;
import io.eddy.api.functions.Collector;
import io.eddy.cep.ReferenceMatcher.Contiguity;
import io.eddy.cep.ReferenceMatcher.Skip;
import io.eddy.cep.ReferenceMatcher.Step;
import io.eddy.cep.functions.PatternProcessFunction;
import io.eddy.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import io.eddy.cep.pattern.Pattern;
import io.eddy.cep.pattern.conditions.SimpleCondition;
import io.eddy.runtime.ExactlyOnceSink;
import io.eddy.runtime.TestEventSource.Event;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link RandomizedAgainstReferenceTest}'s check as whole jobs on every backend, with a failure
 * and a restart from a checkpoint, and resumed at another parallelism from the checkpoints of a
 * run that died: random chains of 2-3 steps (strict, relaxed, non-deterministic contiguity,
 * within, every skip strategy), each key with its own random short event list, against {@link
 * ReferenceMatcher} per key. Events come from {@link
 * io.eddy.runtime.TestEventSource}: event i is position i / KEYS of key i % KEYS, so a key's
 * events are 10 * KEYS ms apart (their jitter is below 50 ms) and a window of w positions is
 * (w - 1/2) * 10 * KEYS ms. The cases run with the operator's state cache (pipeline.cep.sharedbuffer.cache.*)
 * so small that entries are evicted and written back all the time, off (written back after every record), and at
 * its default (everything cached until a checkpoint flushes it).
 */
@Timeout(300)
class RandomizedOnEveryBackendTest {
  private static final int KEYS = 120;
  private static final int LENGTH = 9;
  private static final int CASES = 3;
  /** The cache slots of case i % 3: evicting all the time, no cache across records, the default. */
  private static final List<String> CACHE_SLOTS = List.of("3", "0", "1024");

  @TempDir
  Path dir;

  /** One random pattern and every key's event list. */
  record Case(List<Step> steps, Skip skip, long window, List<String> inputs) {
    static Case random(Random random) {
      List<Step> steps = new ArrayList<>();
      int n = 2 + random.nextInt(2);
      for (int i = 0; i < n; i++) {
        steps.add(new Step("abc".charAt(random.nextInt(3)), Contiguity.values()[random.nextInt(3)]));
      }
      Skip skip = Skip.values()[random.nextInt(Skip.values().length)];
      long window = skip != Skip.NO_SKIP || random.nextBoolean() ? 2 + random.nextInt(6) : 0;
      List<String> inputs = new ArrayList<>();
      for (int k = 0; k < KEYS; k++) {
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < LENGTH; i++) {
          events.append(random.nextInt(5) == 0 ? 'd' : steps.get(random.nextInt(n)).type());
        }
        inputs.add(events.toString());
      }
      return new Case(steps, skip, window, inputs);
    }

    /** Per key, what the reference lets out: all matches' positions, or (first-last) after a skip strategy. */
    List<String> expected() {
      List<String> lines = new ArrayList<>();
      for (int k = 0; k < KEYS; k++) {
        List<int[]> matches = ReferenceMatcher.matches(steps, inputs.get(k), window);
        if (skip == Skip.NO_SKIP) {
          for (int[] m : matches) {
            lines.add(k + ": " + positions(m));
          }
        } else {
          for (String m : ReferenceMatcher.afterSkip(matches, skip)) {
            lines.add(k + ": " + m);
          }
        }
      }
      lines.sort(null);
      return lines;
    }

    DataStream<String> job(DataStream<Event> events) {
      AfterMatchSkipStrategy strategy = switch (skip) {
        case NO_SKIP -> AfterMatchSkipStrategy.noSkip();
        case SKIP_TO_NEXT -> AfterMatchSkipStrategy.skipToNext();
        case SKIP_PAST_LAST -> AfterMatchSkipStrategy.skipPastLastEvent();
        case SKIP_TO_LAST_STEP -> AfterMatchSkipStrategy.skipToLast("s" + (steps.size() - 1));
      };
      Pattern<Event, Event> p = Pattern.<Event>begin("s0", strategy).where(letter(steps.get(0).type()));
      for (int i = 1; i < steps.size(); i++) {
        String name = "s" + i;
        p = switch (steps.get(i).contiguity()) {
          case STRICT -> p.next(name);
          case RELAXED -> p.followedBy(name);
          case ANY -> p.followedByAny(name);
        };
        p = p.where(letter(steps.get(i).type()));
      }
      Pattern<Event, Event> pattern = window > 0 ? p.within(Duration.ofMillis(window * 10 * KEYS - 5 * KEYS)) : p;
      return CEP.pattern(events.keyBy(Event::key), pattern).process(new Positions(skip != Skip.NO_SKIP));
    }

    private SimpleCondition<Event> letter(char type) {
      List<String> lists = inputs;
      return SimpleCondition.of(e -> lists.get(e.key()).charAt((int) (e.value() / KEYS)) == type);
    }

    @Override
    public String toString() {
      return steps + " skip " + skip + " within " + window + " over " + inputs;
    }
  }

  private static String positions(int[] match) {
    StringBuilder b = new StringBuilder();
    for (int p : match) {
      b.append(b.length() == 0 ? "" : " ").append(p);
    }
    return b.toString();
  }

  private static List<String> run(Case c, int caseNumber, String backend, int parallelism, Map<String, String> settings,
      ExactlyOnceSink<String> sink, boolean fail) throws Exception {
    Function<DataStream<Event>, DataStream<String>> job = c::job;
    long events = (long) KEYS * LENGTH;
    Map<String, String> withCache = new HashMap<>(settings);
    String slots = CACHE_SLOTS.get(caseNumber % CACHE_SLOTS.size());
    withCache.put("pipeline.cep.sharedbuffer.cache.event-slots", slots);
    withCache.put("pipeline.cep.sharedbuffer.cache.entry-slots", slots);
    return CepOnEveryBackendTest.run(backend, parallelism, withCache, sink, fail ? events / 4 : -1, events, KEYS, job);
  }

  @ParameterizedTest
  @ValueSource(strings = {"hashmap", "rocksdb", "disaggregated"})
  void matchesTheReferenceAfterAFailureAndAfterAResumeAtAnotherParallelism(String backend) throws Exception {
    Random random = new Random(20261205L + backend.hashCode());
    int matched = 0;
    for (int i = 0; i < CASES; i++) {
      Case c = Case.random(random);
      List<String> expected = c.expected();
      matched += expected.size();

      List<String> restarted = run(c, i, backend, 2, Map.of(
          "state.checkpoints.dir", dir.resolve("restart-" + i).toString(),
          "execution.checkpointing.interval", "20ms",
          "restart-strategy.type", "fixed-delay",
          "restart-strategy.fixed-delay.delay", "10ms"), new ExactlyOnceSink<>(), true);
      assertThat(CepOnEveryBackendTest.FailOnce.FAILED.get()).as("the injected failure happened").isTrue();
      assertThat(restarted).as(c + " (failure and restart, cache slots " + CACHE_SLOTS.get(i) + ")").isEqualTo(expected);

      Path checkpoints = dir.resolve("resume-" + i);
      ExactlyOnceSink<String> sink = new ExactlyOnceSink<>();
      int caseNumber = i;
      assertThatThrownBy(() -> run(c, caseNumber, backend, 2, Map.of(
          "state.checkpoints.dir", checkpoints.toString(),
          "execution.checkpointing.interval", "20ms",
          "restart-strategy.type", "none"), sink, true)).isInstanceOf(JobExecutionException.class);
      int parallelism = i % 2 == 0 ? 1 : 3;
      List<String> resumed = run(c, i, backend, parallelism, Map.of(
          "state.checkpoints.dir", checkpoints.toString(),
          "execution.checkpointing.interval", "20ms",
          "execution.checkpointing.resume", "true"), sink, false);
      assertThat(resumed).as(c + " (resumed at parallelism " + parallelism + ", cache slots " + CACHE_SLOTS.get(i) + ")").isEqualTo(expected);
    }
    assertThat(matched).as("matches over all cases").isGreaterThan(CASES * KEYS / 2);
  }

  /** A match as its key and its events' positions (all of them, or first-last under a skip strategy). */
  static final class Positions extends PatternProcessFunction<Event, String> {
    private final boolean firstAndLast;

    Positions(boolean firstAndLast) {
      this.firstAndLast = firstAndLast;
    }

    @Override
    public void processMatch(Map<String, List<Event>> match, Context ctx, Collector<String> out) {
      List<Integer> positions = new ArrayList<>();
      int key = -1;
      for (List<Event> events : match.values()) {
        for (Event e : events) {
          key = e.key();
          positions.add((int) (e.value() / KEYS));
        }
      }
      String described = firstAndLast ? positions.get(0) + "-" + positions.get(positions.size() - 1)
          : positions.stream().map(String::valueOf).reduce((a, b) -> a + " " + b).orElseThrow();
      out.collect(key + ": " + described);
    }
  }
}
