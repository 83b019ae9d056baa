package io.eddy.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.execution.JobExecutionException;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.api.connector.DiscardingSink;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A failing user function fails the job with its exception and operator name; nothing hangs. */
class JobFailureTest {

  @Test
  @Timeout(30)
  void failingMapFailsTheJobNamingTheOperator() {
    StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
    env.fromSource(new TestEventSource(1_000_000, 10), WatermarkStrategy.noWatermarks(), "events")
        .keyBy(e -> e.key())
        .map(e -> {
          if (e.value() == 5000) {
            throw new IllegalStateException("boom at " + e.value());
          }
          return e;
        }).name("exploding-map")
        .sinkTo(new DiscardingSink<>());
    assertThatThrownBy(env::execute).isInstanceOf(JobExecutionException.class)
        .hasMessageContaining("exploding-map")
        .cause().isInstanceOf(IllegalStateException.class).hasMessage("boom at 5000");
  }

  @Test
  @Timeout(30)
  void failureWhileDownstreamIsBlockedStillEndsTheJob() {
    StreamEnvironment env = StreamEnvironment.create().setParallelism(1);
    env.fromSource(new TestEventSource(10_000_000, 10), WatermarkStrategy.forBoundedOutOfOrderness(Duration.ZERO), "e")
        .rebalance()
        .map(e -> {
          if (e.value() > 100_000) {
            throw new ArithmeticException("late failure");
          }
          Thread.onSpinWait();
          return e.value();
        }).setParallelism(2).name("slow-then-failing")
        .sinkTo(new DiscardingSink<>());
    assertThatThrownBy(env::execute).isInstanceOf(JobExecutionException.class)
        .hasMessageContaining("slow-then-failing").hasRootCauseInstanceOf(ArithmeticException.class);
  }

  @Test
  void nonSerializableFunctionIsReportedAtSubmission() {
    Object notSerializable = new Object();
    StreamEnvironment env = StreamEnvironment.create();
    env.fromElements(1, 2).map(x -> x + notSerializable.hashCode()).name("captures-object").print();
    assertThatThrownBy(env::execute).hasMessageContaining("captures-object").hasMessageContaining("not serializable");
  }

  @Test
  void resultReportsRuntime() throws Exception {
    StreamEnvironment env = StreamEnvironment.create();
    env.fromElements(1, 2, 3).map(x -> x * 2).print();
    assertThat(env.execute("doubling").jobName()).isEqualTo("doubling");
  }
}
