package io.eddy.runtime.asyncprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.state.v2.ValueState;
import io.eddy.api.state.v2.ValueStateDescriptor;
import io.eddy.runtime.state.v2.AsyncKeyedStateStore;
import io.eddy.runtime.state.v2.StateApiUsage;
import io.eddy.state.KeyGroupRange;
import io.eddy.state.VoidNamespace;
import io.eddy.state.async.InlineStateExecutor;
import io.eddy.state.async.StateExecutor;
import io.eddy.state.async.StateRequest;
import io.eddy.state.async.StateRequestType;
import io.eddy.state.heap.HeapKeyedStateBackend;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The controller's mechanics one at a time: blocking buffer and its gauges, flushing by size and by
 * age, the in-flight bound, epochs, and the errors that name the operator.
 */
class AsyncExecutionControllerTest {
  private final HeapKeyedStateBackend<String> backend = new HeapKeyedStateBackend<>(KeyGroupRange.of(0, 127), 128);
  private final TaskMailbox mailbox = new TaskMailbox();
  private final List<String> out = new ArrayList<>();
  private MailDelayedExecutor executor;
  private AsyncExecutionController<String> controller;
  private ValueState<Integer> state;

  private void start(int bufferSize, Duration timeout, int inFlightLimit) {
    executor = new MailDelayedExecutor(new InlineStateExecutor(backend), mailbox);
    start(executor, bufferSize, timeout, inFlightLimit);
  }

  private void start(StateExecutor stateExecutor, int bufferSize, Duration timeout, int inFlightLimit) {
    controller = new AsyncExecutionController<>("my-operator", mailbox, stateExecutor, backend::setCurrentKey,
        new AsyncStateSettings(bufferSize, timeout, inFlightLimit));
    state = new AsyncKeyedStateStore<>(backend, VoidNamespace.SERIALIZER, () -> VoidNamespace.INSTANCE, () -> 0L,
        controller, new StateApiUsage("my-operator")).getState(new ValueStateDescriptor<>("v", Integer.class));
  }

  /** Reads, adds {@code delta}, writes, and logs "key=new". */
  private Runnable increment(String key, int delta) {
    return () -> state.asyncValue().thenCompose(v -> {
      int next = (v == null ? 0 : v) + delta;
      out.add(key + "=" + next);
      return state.asyncUpdate(next);
    });
  }

  @Test
  void aRecordWaitsForTheRecordOfItsKeyInFlightWhileOtherKeysGoAhead() {
    start(100, Duration.ofHours(1), 100);
    controller.processRecord("a", increment("a", 1));
    controller.processRecord("a", increment("a", 10));
    controller.processRecord("a", increment("a", 100));
    controller.processRecord("b", increment("b", 1));
    assertThat(controller.numInFlightRecords()).isEqualTo(4);
    assertThat(controller.blockingBufferSize()).isEqualTo(2);
    assertThat(controller.numBlockingKeys()).isEqualTo(1);
    assertThat(controller.activeBufferSize()).isEqualTo(2); // the reads of the first "a" and of "b"

    controller.drainInflightRecords();
    assertThat(out).containsExactly("a=1", "b=1", "a=11", "a=111");
    assertThat(controller.numInFlightRecords()).isZero();
    assertThat(controller.blockingBufferSize()).isZero();
    assertThat(controller.numBlockingKeys()).isZero();
  }

  @Test
  void anExecutorThatAnswersAtOnceRunsEachRequestAsItIsIssued() {
    start(new InlineStateExecutor(backend), 100, Duration.ofHours(1), 100);
    controller.processRecord("a", increment("a", 1));
    assertThat(out).containsExactly("a=1"); // the read's callback ran within the processing
    assertThat(controller.numInFlightRecords()).isZero();
    assertThat(controller.hasRecordInFlight("a")).isFalse();
    controller.processRecord("a", increment("a", 10));
    controller.processRecord("b", increment("b", 1));
    controller.processRecord("a", increment("a", 100));
    assertThat(out).containsExactly("a=1", "a=11", "b=1", "a=111");
    assertThat(controller.activeBufferSize()).isZero();
    assertThat(controller.batchSizes().getCount()).isZero();
  }

  @Test
  void aFailedRequestOfAnExecutorThatAnswersAtOnceNamesTheOperatorAndTheRecord() {
    StateExecutor failing = new StateExecutor() {
      @Override
      public CompletableFuture<Void> executeBatch(List<? extends StateRequest> batch) {
        return CompletableFuture.failedFuture(new IOException("disk gone"));
      }

      @Override
      public boolean answersAtOnce() {
        return true;
      }

      @Override
      public boolean readsOffTaskThread() {
        return false;
      }

      @Override
      public void close() {}
    };
    start(failing, 100, Duration.ofHours(1), 100);
    assertThatThrownBy(() -> controller.processRecord("a", increment("a", 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("my-operator").hasMessageContaining("record of key a").hasMessageContaining("disk gone");
  }

  @Test
  void aFullBufferIsSentAsOneBatch() {
    start(3, Duration.ofHours(1), 100);
    controller.processRecord("a", increment("a", 1));
    controller.processRecord("b", increment("b", 1));
    assertThat(executor.batches).isZero();
    controller.processRecord("c", increment("c", 1));
    assertThat(executor.batches).isEqualTo(1);
    assertThat(controller.batchSizes().getCount()).isEqualTo(1);
    assertThat(controller.batchSizes().getStatistics().getMax()).isEqualTo(3);
    controller.drainInflightRecords();
    assertThat(out).containsExactlyInAnyOrder("a=1", "b=1", "c=1");
  }

  @Test
  void aPartlyFilledBufferIsSentWhenItTimesOut() throws InterruptedException {
    start(1000, Duration.ofMillis(5), 100);
    controller.processRecord("a", increment("a", 1));
    assertThat(executor.batches).isZero();
    while (out.isEmpty()) {
      mailbox.yield(); // the timeout's mail sends the batch; its execution and the results follow as mail
    }
    // the timeout sent the read; the update its callback issued waits in the buffer for its own timeout
    assertThat(executor.batches).isEqualTo(1);
    assertThat(controller.activeBufferSize()).isEqualTo(1);
    while (controller.numInFlightRecords() > 0) {
      mailbox.yield();
    }
    assertThat(executor.batches).isEqualTo(2);
  }

  @Test
  void anExecutorThatBatchesOnlyIoGetsTheBufferWheneverNoBatchIsInFlight() {
    // writes answered at once, reads left for batches: as a store whose caches miss every read
    executor = new MailDelayedExecutor(new InlineStateExecutor(backend), mailbox,
        request -> request.type() == StateRequestType.VALUE_UPDATE);
    start(executor, 1000, Duration.ofHours(1), 100);
    controller.processRecord("a", increment("a", 1));
    assertThat(executor.batches).as("nothing in flight: the miss goes at once").isEqualTo(1);
    controller.processRecord("b", increment("b", 1));
    controller.processRecord("c", increment("c", 1));
    assertThat(executor.batches).as("misses issued meanwhile wait for the batch in flight").isEqualTo(1);
    assertThat(controller.activeBufferSize()).isEqualTo(2);
    mailbox.runAll(); // the first batch comes back: the two reads go out together
    assertThat(out).containsExactly("a=1", "b=1", "c=1");
    assertThat(executor.batches).isEqualTo(2);
    assertThat(controller.batchSizes().getStatistics().getMax()).isEqualTo(2);
    assertThat(controller.numInFlightRecords()).isZero();
  }

  @Test
  void aHotKeysRecordsAdvanceOneBatchApartTheWritesOfOneSharingTheBatchWithTheReadOfTheNext() {
    start(1000, Duration.ofHours(1), 100);
    controller.processRecord("a", increment("a", 1));
    controller.processRecord("a", increment("a", 10));
    controller.processRecord("a", increment("a", 100));
    controller.processRecord("b", increment("b", 1));
    controller.drainInflightRecords();
    assertThat(out).containsExactly("a=1", "b=1", "a=11", "a=111");
    // [read a1, read b] [write a1, write b, read a2] [write a2, read a3] [write a3]; one record a
    // batch would take 6 batches for key a alone
    assertThat(executor.batches).isEqualTo(4);
    assertThat(controller.batchSizes().getStatistics().getMax()).isEqualTo(3);
  }

  @Test
  void aRecordWhoseWriteHasACallbackKeepsItsKeyUntilTheWriteIsAnswered() {
    start(1000, Duration.ofHours(1), 100);
    controller.processRecord("a", () -> state.asyncValue()
        .thenAccept(v -> state.asyncUpdate(1).thenAccept(ignored -> out.add("first written"))));
    controller.processRecord("a", () -> state.asyncValue().thenAccept(v -> out.add("second read " + v)));
    controller.drainInflightRecords();
    assertThat(out).containsExactly("first written", "second read 1");
    assertThat(executor.batches).isEqualTo(3);
  }

  @Test
  void aKeyGoesBackToTheRecordThatHandedItOverWhileItsWritesAreInFlight() {
    start(1000, Duration.ofHours(1), 100);
    controller.processRecord("a", increment("a", 1));
    controller.processRecord("a", () -> out.add("no state")); // waits, then takes the key from the first
    controller.triggerIfNeeded(true);
    mailbox.runAll(); // the read answered: the first's write is buffered, the second ran and finished
    assertThat(out).containsExactly("a=1", "no state");
    controller.triggerIfNeeded(true); // the first's write is in flight, not yet applied
    assertThat(controller.numInFlightRecords()).isEqualTo(1);
    controller.processRecord("a", increment("a", 10)); // must wait for that write
    assertThat(controller.blockingBufferSize()).isEqualTo(1);
    controller.drainInflightRecords();
    assertThat(out).containsExactly("a=1", "no state", "a=11");
  }

  @Test
  void theInFlightLimitMakesTheTaskWait() {
    start(1000, Duration.ofHours(1), 2);
    int[] most = new int[1];
    for (int i = 0; i < 20; i++) {
      String key = "k" + (i % 5);
      controller.processRecord(key, () -> {
        most[0] = Math.max(most[0], controller.numInFlightRecords());
        increment(key, 1).run();
      });
    }
    controller.drainInflightRecords();
    assertThat(most[0]).isEqualTo(2);
    assertThat(out).hasSize(20);
  }

  @Test
  void aNonRecordActsAfterTheRecordsBeforeItAndTheRecordsItStarts() {
    start(1000, Duration.ofHours(1), 100);
    controller.processRecord("a", increment("a", 1));
    controller.processRecord("b", increment("b", 1));
    controller.processNonRecord(() -> {
      out.add("trigger");
      controller.processRecord("a", increment("a", 5)); // a timer of key a
    }, () -> out.add("watermark"));
    controller.drainInflightRecords();
    assertThat(out).containsExactly("a=1", "b=1", "trigger", "a=6", "watermark");
    assertThat(controller.epoch()).isEqualTo(1);
  }

  @Test
  void theTimersAWatermarkFiresSendTheirRequestsAsOneBatch() {
    start(1000, Duration.ofHours(1), 100);
    controller.processNonRecord(() -> {
      for (String key : List.of("a", "b", "c")) {
        controller.processRecord(key, increment(key, 1)); // timers of three keys
      }
    }, () -> out.add("watermark"));
    assertThat(executor.batches).as("the three reads, once the trigger returned").isEqualTo(1);
    assertThat(controller.batchSizes().getStatistics().getMax()).isEqualTo(3);
    controller.drainInflightRecords();
    assertThat(out).containsExactly("a=1", "b=1", "c=1", "watermark");
    assertThat(executor.batches).as("then their three writes").isEqualTo(2);
  }

  @Test
  void recordsAfterAPendingNonRecordAreAdmittedButRunOnlyAfterIt() {
    start(1000, Duration.ofHours(1), 100);
    controller.processRecord("a", increment("a", 1));
    controller.processNonRecord(() -> {
      out.add("trigger");
      controller.processRecord("b", increment("b", 5)); // a timer of key b
    }, () -> out.add("watermark"));
    controller.processRecord("b", increment("b", 1)); // the next epoch: b=6 must come first
    controller.processRecord("c", increment("c", 1));
    assertThat(out).as("the non-record waits for the record of a, the later records for it").isEmpty();
    assertThat(controller.numInFlightRecords()).isEqualTo(3);
    assertThat(controller.numGatedRecords()).isEqualTo(2);
    controller.drainInflightRecords();
    assertThat(out).containsExactly("a=1", "trigger", "b=5", "watermark", "b=6", "c=1");
    assertThat(controller.numGatedRecords()).isZero();
  }

  @Test
  void aRecordWaitingForAnEarlierEpochPrefetchesWhatItsInputsRecordsRead() {
    start(1000, Duration.ofHours(1), 100);
    ReadProfile profile = new ReadProfile();
    controller.processRecord("a", null, profile, null, increment("a", 1)); // reads v as it starts: learnt
    controller.processNonRecord(null, () -> out.add("watermark")); // a's read goes; the epoch waits for it
    controller.processRecord("b", null, profile, null, increment("b", 1));
    controller.processRecord("a", null, profile, null, increment("a", 10));
    assertThat(controller.numGatedRecords()).isEqualTo(2);
    assertThat(out).isEmpty();
    assertThat(executor.requests).as("b's read went ahead, a's not: a record of a is in flight")
        .containsExactly("VALUE_GET(key=a, namespace=VoidNamespace)", "PREFETCH(key=b, namespace=VoidNamespace)");
    controller.drainInflightRecords();
    assertThat(out).containsExactly("a=1", "watermark", "b=1", "a=11");
  }

  @Test
  void onlyPrefetchesMayRunAheadOfARecord() {
    start(1000, Duration.ofHours(1), 100);
    controller.processRecord("a", increment("a", 1));
    controller.processNonRecord(null, null);
    assertThatThrownBy(() -> controller.processRecord("b", null, null, () -> state.asyncValue(), () -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("my-operator").hasMessageContaining("VALUE_GET").hasMessageContaining("only prefetches");
  }

  @Test
  void stateOutsideAKeyedContextIsRefusedNamingTheOperator() {
    start(10, Duration.ofHours(1), 10);
    assertThatThrownBy(() -> state.asyncValue())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Operator 'my-operator'")
        .hasMessageContaining("'v'")
        .hasMessageContaining("outside a keyed context");
  }

  @Test
  void waitingInsideACallbackIsRefusedNamingTheOperator() {
    start(10, Duration.ofHours(1), 10);
    controller.processRecord("a", () -> state.asyncValue().thenAccept(v -> controller.drainInflightRecords()));
    assertThatThrownBy(() -> controller.drainInflightRecords())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Operator 'my-operator'")
        .hasMessageContaining("would wait for itself");
  }

  @Test
  void startingARecordInsideAnotherIsRefused() {
    start(10, Duration.ofHours(1), 10);
    assertThatThrownBy(() -> controller.processRecord("a", () -> controller.processRecord("b", () -> {})))
        .hasMessageContaining("Operator 'my-operator'");
  }

  @Test
  void aFailingCallbackFailsNamingTheOperatorAndTheKey() {
    start(10, Duration.ofHours(1), 10);
    controller.processRecord("a", () -> state.asyncValue().thenAccept(v -> {
      throw new IOException("disk on fire");
    }));
    assertThatThrownBy(() -> controller.drainInflightRecords())
        .hasMessageContaining("Operator 'my-operator'")
        .hasMessageContaining("key a")
        .hasMessageContaining("disk on fire");
  }

  @Test
  void aFailedBatchFailsNamingTheOperator() {
    StateExecutor failing = new StateExecutor() {
      @Override
      public CompletableFuture<Void> executeBatch(List<? extends StateRequest> batch) {
        return CompletableFuture.failedFuture(new IOException("store unreachable"));
      }

      @Override
      public boolean readsOffTaskThread() {
        return true;
      }

      @Override
      public void close() {}
    };
    start(failing, 1, Duration.ofHours(1), 10);
    controller.processRecord("a", increment("a", 1));
    assertThatThrownBy(() -> controller.drainInflightRecords())
        .hasMessageContaining("Operator 'my-operator'")
        .hasMessageContaining("store unreachable");
  }

  @Test
  void mixingSynchronousAndAsynchronousStateIsRefusedNamingBoth() {
    StateApiUsage usage = new StateApiUsage("my-operator");
    usage.useAsync("counts");
    usage.useAsync("totals");
    assertThatThrownBy(() -> usage.useSync("window-contents"))
        .hasMessageContaining("Operator 'my-operator'")
        .hasMessageContaining("'window-contents'")
        .hasMessageContaining("'counts'");
  }

  @Test
  void invalidSettingsAreRefusedNamingTheKey() {
    assertThatThrownBy(() -> new AsyncStateSettings(0, Duration.ofSeconds(1), 10))
        .hasMessageContaining("execution.async-state.buffer-size");
    assertThatThrownBy(() -> new AsyncStateSettings(10, Duration.ZERO, 10))
        .hasMessageContaining("execution.async-state.buffer-timeout");
    assertThatThrownBy(() -> new AsyncStateSettings(10, Duration.ofSeconds(1), 0))
        .hasMessageContaining("execution.async-state.in-flight-records-limit");
  }
}
