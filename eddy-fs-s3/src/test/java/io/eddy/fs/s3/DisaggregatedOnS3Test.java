package io.eddy.fs.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.execution.JobExecutionResult;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.state.CheckpointListener;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.runtime.ExactlyOnceSink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A keyed job on the disaggregated backend whose state and checkpoints live on S3 (a real
 * S3-compatible server on 127.0.0.1) fails after a checkpoint and recovers exactly once; between
 * the failure and the restarted operators' {@code open()} (restore done) it reads only the
 * checkpoint's metadata and manifests from S3, not the state (counted under the {@code
 * counted-s3} scheme); state blocks are read afterwards, on demand.
 */
@Timeout(180)
class DisaggregatedOnS3Test {
  private static final int RECORDS = 40_000;
  private static final int KEYS = 4_000;
  private static final int PAYLOAD = 2_048;
  private static final AtomicBoolean FAILED = new AtomicBoolean();
  private static final AtomicLong BYTES_AT_FAILURE = new AtomicLong(-1);
  private static final AtomicLong BYTES_AT_OPEN_AFTER = new AtomicLong(-1);
  private static final AtomicLong BYTES_AT_FIRST_RECORD_AFTER = new AtomicLong(-1);

  private static S3ProxyServer server;

  @BeforeAll
  static void start() throws Exception {
    server = S3ProxyServer.start();
    System.setProperty("eddy.s3.endpoint", server.endpoint().toString());
    System.setProperty("eddy.s3.path-style-access", "true");
    System.setProperty("aws.accessKeyId", S3ProxyServer.ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", S3ProxyServer.SECRET_KEY);
  }

  @AfterAll
  static void stop() throws Exception {
    for (String key : List.of("eddy.s3.endpoint", "eddy.s3.path-style-access", "aws.accessKeyId", "aws.secretAccessKey")) {
      System.clearProperty(key);
    }
    server.stop();
  }

  @Test
  void recoversExactlyOnceWithoutDownloadingTheState() throws Exception {
    String bucket = server.newBucket();
    StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
    env.getConfiguration()
        .set("state.backend.type", "disaggregated")
        .set("state.checkpoints.dir", CountingFileSystemFactory.SCHEME + "://" + bucket + "/job")
        .set("execution.checkpointing.interval", "50ms")
        .set("restart-strategy.type", "fixed-delay")
        .set("restart-strategy.fixed-delay.delay", "0ms");
    ExactlyOnceSink<String> sink = new ExactlyOnceSink<>();
    List<Long> input = LongStream.range(0, RECORDS).boxed().toList();
    env.fromCollection(input)
        .keyBy(i -> i % KEYS)
        .process(new PayloadPerKey())
        .sinkTo(sink);
    JobExecutionResult result = env.execute("disaggregated on s3");

    assertThat(result.counter("numRestarts")).isEqualTo(1);
    assertThat(result.counter("numRestoresFromCheckpoint")).isEqualTo(1);
    List<String> expected = new ArrayList<>();
    for (long key = 0; key < KEYS; key++) {
      for (int n = 1; n <= RECORDS / KEYS; n++) {
        expected.add(key + ":" + n);
      }
    }
    List<String> actual = new ArrayList<>(sink.committed());
    actual.sort(null);
    expected.sort(null);
    assertThat(actual).isEqualTo(expected);

    long stateBytes = server.client().listObjectsV2Paginator(r -> r.bucket(bucket).prefix("job/")).contents().stream()
        .filter(o -> o.key().endsWith(".sst")).mapToLong(S3Object::size).sum();
    long readToRestore = BYTES_AT_OPEN_AFTER.get() - BYTES_AT_FAILURE.get();
    long readToFirstRecord = BYTES_AT_FIRST_RECORD_AFTER.get() - BYTES_AT_FAILURE.get();
    System.out.printf("disaggregated on S3: %d SST bytes; read %d bytes to restore, %d to the first record%n",
        stateBytes, readToRestore, readToFirstRecord);
    assertThat(stateBytes).as("SST bytes on S3").isGreaterThan((long) KEYS * PAYLOAD / 2);
    assertThat(readToRestore).as("bytes read from S3 between the failure and the restarted operators' open()")
        .isPositive().isLessThan(stateBytes / 50);
  }

  /**
   * Keeps a payload and a count per key and emits key:count; fails once, after a checkpoint that
   * completed when half of the input was in, and notes the bytes read from S3 then and at the first
   * record after the restart.
   */
  static final class PayloadPerKey extends KeyedProcessFunction<Long, Long, String> implements CheckpointListener {
    private transient ValueState<byte[]> payload;
    private transient ValueState<Integer> count;
    private long processed;
    private boolean checkpointedAfterHalf;
    private boolean openedAfterFailure;

    @Override
    public void open(OpenContext context) {
      openedAfterFailure = FAILED.get();
      if (openedAfterFailure) {
        BYTES_AT_OPEN_AFTER.compareAndSet(-1, CountingFileSystemFactory.BYTES_READ.get());
      }
      payload = getRuntimeContext().getState(new ValueStateDescriptor<>("payload", byte[].class));
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Integer.class));
    }

    @Override
    public void processElement(Long i, Context ctx, Collector<String> out) throws Exception {
      if (openedAfterFailure) {
        BYTES_AT_FIRST_RECORD_AFTER.compareAndSet(-1, CountingFileSystemFactory.BYTES_READ.get());
      } else if (checkpointedAfterHalf && !FAILED.get()) {
        if (FAILED.compareAndSet(false, true)) {
          BYTES_AT_FAILURE.set(CountingFileSystemFactory.BYTES_READ.get());
          throw new IllegalStateException("injected failure after a checkpoint");
        }
      } else if (++processed >= RECORDS / 4 && !checkpointedAfterHalf) {
        Thread.sleep(1); // past half of its share: wait for a checkpoint to complete (its flush to S3 runs asynchronously)
      }
      Integer n = count.value();
      count.update(n == null ? 1 : n + 1);
      byte[] bytes = new byte[PAYLOAD];
      bytes[0] = (byte) i.longValue();
      payload.update(bytes);
      out.collect(ctx.getCurrentKey() + ":" + (n == null ? 1 : n + 1));
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      if (processed >= RECORDS / 4) {
        checkpointedAfterHalf = true;
      }
    }
  }
}
