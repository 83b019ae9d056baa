package io.eddy.runtime.asyncprocessing;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.state.v2.ValueState;
import io.eddy.api.state.v2.ValueStateDescriptor;
import io.eddy.runtime.ExactlyOnceSink;
import io.eddy.runtime.metrics.reporter.JmxReporterFactory;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The controller's gauges are in the operator's metric group, for operators in the asynchronous
 * model only, and show the controller's state: the function reads them over JMX on its task
 * thread (where they cannot change meanwhile) while the first record of key "a" waits for its
 * state request (the buffer is neither full nor timed out), the second waits behind it, and "b"
 * runs.
 */
@Timeout(60)
class AsyncStateGaugesTest {
  private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();
  private static final String JOB = "async gauges job";
  /** Gauge name to the value the "b" record saw; the batch count seen at close. */
  private static final Map<String, Object> SEEN = new ConcurrentHashMap<>();

  private static Set<ObjectName> beans(String metric, String operator) throws Exception {
    return SERVER.queryNames(new ObjectName("io.eddy.taskmanager.job.task.operator." + metric + ":job_name=\""
        + JOB + "\",operator_name=\"" + operator + "\",*"), null);
  }

  private static Object read(String metric, String operator, String attribute) throws Exception {
    Set<ObjectName> found = beans(metric, operator);
    assertThat(found).as("bean of %s of %s", metric, operator).hasSize(1);
    return SERVER.getAttribute(found.iterator().next(), attribute);
  }

  /** Counts per key with V2 state; reads the gauges of its own operator while processing "b". */
  static final class Counting extends KeyedProcessFunction<String, String, String> {
    private transient ValueState<Long> count;

    @Override
    public void open(OpenContext context) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
    }

    @Override
    public void processElement(String key, Context ctx, Collector<String> out) throws Exception {
      if (key.equals("b")) {
        for (String gauge : new String[] {"numInFlightRecords", "activeBufferSize", "blockingBufferSize", "numBlockingKeys"}) {
          SEEN.put(gauge, read(gauge, "counts", "Value"));
        }
        SEEN.put("synchronous operator's numInFlightRecords beans", beans("numInFlightRecords", "sync counts").size());
      }
      count.asyncValue().thenAccept(c -> {
        long n = c == null ? 1 : c + 1;
        out.collect(key + "=" + n);
        count.asyncUpdate(n);
      });
    }

    @Override
    public void close() throws Exception {
      SEEN.put("batches", read("batchSize", "counts", "Count"));
    }
  }

  /** The same count on synchronous state, in the synchronous model. */
  static final class SyncCounting extends KeyedProcessFunction<String, String, String> {
    private transient io.eddy.api.state.ValueState<Long> count;

    @Override
    public void open(OpenContext context) {
      count = getRuntimeContext().getState(new io.eddy.api.state.ValueStateDescriptor<>("count", Long.class));
    }

    @Override
    public void processElement(String value, Context ctx, Collector<String> out) throws Exception {
      Long c = count.value();
      count.update(c == null ? 1 : c + 1);
      out.collect(value);
    }
  }

  @Test
  void gaugesShowTheControllerOfAnAsyncOperatorOnly() throws Exception {
    StreamEnvironment env = StreamEnvironment.create().setParallelism(1);
    env.getConfiguration()
        .set("metrics.reporter.jmx.factory.class", JmxReporterFactory.class.getName())
        .set("execution.async-state.buffer-timeout", "1h")
        // the heap's own executor answers at once: no record would wait, and the gauges would show nothing
        .set("state.backend.type", "later-answering-hashmap");
    env.fromElements("a", "a", "b")
        .keyBy(s -> s).enableAsyncState().process(new Counting()).name("counts")
        .keyBy(s -> s).process(new SyncCounting()).name("sync counts")
        .sinkTo(new ExactlyOnceSink<>());
    env.execute(JOB);

    assertThat(SEEN).containsEntry("numInFlightRecords", 3) // a (waiting for its read), a (blocked), b (running)
        .containsEntry("activeBufferSize", 1) // a's read
        .containsEntry("blockingBufferSize", 1)
        .containsEntry("numBlockingKeys", 1)
        .containsEntry("synchronous operator's numInFlightRecords beans", 0);
    assertThat((Long) SEEN.get("batches")).as("batches sent by the end of input").isPositive();
  }
}
