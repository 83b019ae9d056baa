package io.eddy.state.async;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.functions.AggregateFunction;
import io.eddy.api.state.AggregatingStateDescriptor;
import io.eddy.api.state.ListStateDescriptor;
import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.state.ReducingStateDescriptor;
import io.eddy.api.state.StateDescriptor;
import io.eddy.api.state.StateTtlConfig;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.api.types.TypeSerializers;
import io.eddy.state.InternalKvState;
import io.eddy.state.KeyGroupRange;
import io.eddy.state.KeyedStateBackend;
import io.eddy.state.ttl.TtlStates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every backend's {@link StateExecutor} must do: give every request of a batch the answer
 * the synchronous API gives when the same requests run one after another, and leave the same
 * state. Random batches over all request types, keys, namespaces and a TTL state run through the
 * executor of one backend and one by one through {@link SyncRequests} on a twin backend of the same
 * kind; results and the final contents must agree. Each backend's test extends this.
 */
public abstract class StateExecutorContractTest {
  private static final String[] STATES = {"value", "list", "map", "reducing", "aggregating", "ttl-value"};
  private static final List<String> NAMESPACES = List.of("n0", "n1");
  private static final int KEYS = 12;

  private final List<KeyedStateBackend<?>> created = new ArrayList<>();
  private final LinkedBlockingQueue<Runnable> taskThread = new LinkedBlockingQueue<>();

  /** A new, empty backend of the kind under test, owning every key group of 128. */
  protected abstract KeyedStateBackend<String> createBackend(KeyGroupRange range, int maxParallelism) throws Exception;

  @AfterEach
  void closeBackends() {
    created.forEach(KeyedStateBackend::close);
  }

  /** A request as generated, before it is bound to a backend's states. */
  private record Spec(StateRequestType type, String state, String key, String namespace, Object payload,
      Object value) {}

  /** A backend with its states by name. */
  private final class Side {
    final KeyedStateBackend<String> backend;
    final Map<String, InternalKvState<?>> states = new HashMap<>();

    Side() throws Exception {
      backend = createBackend(KeyGroupRange.of(0, 127), 128);
      created.add(backend);
      for (String name : STATES) {
        states.put(name, TtlStates.create(backend, TypeSerializers.of(String.class), descriptor(name), () -> 1_000L));
      }
    }

    StateRequest bind(Spec s) {
      return new StateRequest(s.type(), states.get(s.state()), s.key(), s.namespace(), s.payload(), s.value());
    }
  }

  private static StateDescriptor<?> descriptor(String name) {
    return switch (name) {
      case "value" -> new ValueStateDescriptor<>(name, String.class);
      case "list" -> new ListStateDescriptor<>(name, String.class);
      case "map" -> new MapStateDescriptor<>(name, Integer.class, String.class);
      case "reducing" -> new ReducingStateDescriptor<>(name, Long::sum, Long.class);
      case "aggregating" -> new AggregatingStateDescriptor<>(name, new CountAndSum(), TypeSerializers.of(long[].class));
      case "ttl-value" -> {
        ValueStateDescriptor<String> d = new ValueStateDescriptor<>(name, String.class);
        d.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofHours(1)).build());
        yield d;
      }
      default -> throw new IllegalArgumentException(name);
    };
  }

  /** Aggregates longs to "count/sum". */
  private static final class CountAndSum implements AggregateFunction<Long, long[], String> {
    @Override
    public long[] createAccumulator() {
      return new long[2];
    }

    @Override
    public long[] add(Long value, long[] acc) {
      return new long[] {acc[0] + 1, acc[1] + value};
    }

    @Override
    public String getResult(long[] acc) {
      return acc[0] + "/" + acc[1];
    }

    @Override
    public long[] merge(long[] a, long[] b) {
      return new long[] {a[0] + b[0], a[1] + b[1]};
    }
  }

  /** Requests the executor answers as they are issued (those that cost no I/O) answer as the synchronous API does. */
  @Test
  void requestsAnsweredAtOnceGiveTheAnswersOfTheSynchronousApi() throws Exception {
    Random random = new Random(7);
    Side async = new Side();
    Side sync = new Side();
    StateExecutor executor = async.backend.createStateExecutor(taskThread::add);
    for (int i = 0; i < 600; i++) {
      Spec spec = randomSpec(random);
      StateRequest request = async.bind(spec);
      if (!executor.tryAnswerAtOnce(request)) {
        run(executor.executeBatch(List.of(request)));
      }
      StateRequest expected = sync.bind(spec);
      SyncRequests.execute(castBackend(sync.backend), expected);
      assertThat(comparable(request)).as("request %d %s", i, spec).isEqualTo(comparable(expected));
    }
    executor.close();
    assertThat(contents(async)).isEqualTo(contents(sync));
  }

  @Test
  void randomBatchesGiveTheAnswersOfTheSynchronousApi() throws Exception {
    for (int seed = 0; seed < 6; seed++) {
      Random random = new Random(seed);
      Side async = new Side();
      Side sync = new Side();
      StateExecutor executor = async.backend.createStateExecutor(taskThread::add);
      for (int b = 0; b < 40; b++) {
        List<Spec> specs = new ArrayList<>();
        int size = 1 + random.nextInt(random.nextBoolean() ? 8 : 80);
        for (int i = 0; i < size; i++) {
          specs.add(randomSpec(random));
        }
        List<StateRequest> batch = specs.stream().map(async::bind).toList();
        run(executor.executeBatch(batch));
        for (int i = 0; i < specs.size(); i++) {
          StateRequest expected = sync.bind(specs.get(i));
          SyncRequests.execute(castBackend(sync.backend), expected);
          assertThat(comparable(batch.get(i))).as("seed %d batch %d request %d %s", seed, b, i, specs.get(i))
              .isEqualTo(comparable(expected));
        }
      }
      executor.close();
      assertThat(contents(async)).as("seed %d", seed).isEqualTo(contents(sync));
    }
  }

  @SuppressWarnings("unchecked")
  private static KeyedStateBackend<Object> castBackend(KeyedStateBackend<?> backend) {
    return (KeyedStateBackend<Object>) backend;
  }

  /** Runs the task-thread work the executor hands back until the batch is done. */
  private void run(CompletableFuture<Void> done) throws Exception {
    while (!done.isDone()) {
      Runnable work = taskThread.poll(10, TimeUnit.MILLISECONDS);
      if (work != null) {
        work.run();
      }
    }
    done.get();
  }

  private static Spec randomSpec(Random random) {
    String key = "k" + random.nextInt(KEYS);
    String ns = NAMESPACES.get(random.nextInt(NAMESPACES.size()));
    String state = STATES[random.nextInt(STATES.length)];
    String word = "w" + random.nextInt(20);
    StateRequestType type = switch (state) {
      case "value", "ttl-value" -> pick(random, StateRequestType.VALUE_GET, StateRequestType.VALUE_GET,
          StateRequestType.VALUE_UPDATE, StateRequestType.CLEAR);
      case "list" -> pick(random, StateRequestType.LIST_GET, StateRequestType.LIST_ADD, StateRequestType.LIST_ADD_ALL,
          StateRequestType.LIST_UPDATE, StateRequestType.CLEAR);
      case "map" -> pick(random, StateRequestType.MAP_GET, StateRequestType.MAP_CONTAINS, StateRequestType.MAP_PUT,
          StateRequestType.MAP_PUT, StateRequestType.MAP_PUT_ALL, StateRequestType.MAP_REMOVE, StateRequestType.MAP_ITER,
          StateRequestType.MAP_IS_EMPTY, StateRequestType.CLEAR);
      case "reducing" -> pick(random, StateRequestType.REDUCING_GET, StateRequestType.REDUCING_ADD,
          StateRequestType.REDUCING_ADD, StateRequestType.CLEAR);
      default -> pick(random, StateRequestType.AGGREGATING_GET, StateRequestType.AGGREGATING_ADD,
          StateRequestType.AGGREGATING_ADD, StateRequestType.CLEAR);
    };
    Object payload = switch (type) {
      case VALUE_UPDATE -> random.nextInt(5) == 0 ? null : word;
      case LIST_ADD -> word;
      case LIST_ADD_ALL, LIST_UPDATE -> randomList(random);
      case MAP_GET, MAP_CONTAINS, MAP_PUT, MAP_REMOVE -> random.nextInt(6);
      case MAP_PUT_ALL -> {
        Map<Integer, String> map = new LinkedHashMap<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          map.put(random.nextInt(6), "p" + random.nextInt(9));
        }
        yield map;
      }
      case REDUCING_ADD, AGGREGATING_ADD -> (long) random.nextInt(100);
      default -> null;
    };
    Object value = type == StateRequestType.MAP_PUT ? (random.nextInt(8) == 0 ? null : word) : null;
    return new Spec(type, state, key, ns, payload, value);
  }

  private static List<String> randomList(Random random) {
    List<String> list = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      list.add("e" + random.nextInt(9));
    }
    return list;
  }

  @SafeVarargs
  private static <T> T pick(Random random, T... options) {
    return options[random.nextInt(options.length)];
  }

  /** The result in a form equal across backends of one kind (map iteration order aside). */
  @SuppressWarnings("unchecked")
  private static Object comparable(StateRequest request) {
    if (request.type() == StateRequestType.MAP_ITER) {
      Map<Object, Object> map = new HashMap<>();
      for (Map.Entry<Object, Object> e : (List<Map.Entry<Object, Object>>) request.result()) {
        map.put(e.getKey(), e.getValue());
      }
      return map;
    }
    return request.result();
  }

  /** Every state of every key and namespace, read through the synchronous API. */
  private static Map<String, Object> contents(Side side) throws Exception {
    Map<String, Object> all = new HashMap<>();
    for (int k = 0; k < KEYS; k++) {
      for (String ns : NAMESPACES) {
        for (String state : STATES) {
          StateRequestType read = switch (state) {
            case "value", "ttl-value" -> StateRequestType.VALUE_GET;
            case "list" -> StateRequestType.LIST_GET;
            case "map" -> StateRequestType.MAP_ITER;
            case "reducing" -> StateRequestType.REDUCING_GET;
            default -> StateRequestType.AGGREGATING_GET;
          };
          StateRequest request = side.bind(new Spec(read, state, "k" + k, ns, null, null));
          SyncRequests.execute(castBackend(side.backend), request);
          all.put(state + "/k" + k + "/" + ns, comparable(request));
        }
      }
    }
    return all;
  }
}
