package io.eddy.table.runtime.operators;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.types.Row;
import io.eddy.runtime.testing.OneInputHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Drives one table operator through {@link OneInputHarness}, optionally taking a snapshot and
 * restoring a fresh operator from it between every two steps (the conformance mode of Hazelcast
 * Jet's harness): a stateful operator must give the same output either way.
 */
public final class RestoringHarness {
  private final Function<DataStream<Row>, DataStream<Row>> pipeline;
  private final boolean restoreBetweenSteps;
  private final List<Row> output = new ArrayList<>();
  private OneInputHarness<Row, Row> harness;
  private long processingTime;

  public RestoringHarness(Function<DataStream<Row>, DataStream<Row>> pipeline, boolean restoreBetweenSteps)
      throws Exception {
    this.pipeline = pipeline;
    this.restoreBetweenSteps = restoreBetweenSteps;
    this.harness = OneInputHarness.<Row, Row>of(pipeline).open();
  }

  public void element(Row row, long timestamp) throws Exception {
    step();
    harness.processElement(row, timestamp);
  }

  public void watermark(long watermark) throws Exception {
    step();
    harness.processWatermark(watermark);
  }

  /** Moves the processing-time clock (kept across restores) and fires the timers due. */
  public void processingTime(long time) throws Exception {
    step();
    processingTime = time;
    harness.setProcessingTime(time);
  }

  /** The end of input: the final watermark, then finish. */
  public void endInput() throws Exception {
    step();
    harness.endInput();
  }

  /** Everything emitted so far, across restores. */
  public List<Row> output() {
    List<Row> all = new ArrayList<>(output);
    all.addAll(harness.output());
    return all;
  }

  private void step() throws Exception {
    if (!restoreBetweenSteps) {
      return;
    }
    var snapshot = harness.snapshot();
    output.addAll(harness.output());
    harness.close();
    harness = OneInputHarness.<Row, Row>of(pipeline).restore(snapshot).open();
    harness.setProcessingTime(processingTime);
  }
}
