package io.eddy.table.runtime.operators;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.types.Row;
import io.eddy.runtime.testing.TwoInputHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * {@link RestoringHarness} for two-input table operators (joins): drives one through
 * {@link TwoInputHarness}, optionally snapshotting and restoring a fresh operator between every
 * two steps; a stateful operator must give the same output either way.
 */
public final class RestoringTwoInputHarness {
  private final BiFunction<DataStream<Row>, DataStream<Row>, DataStream<Row>> pipeline;
  private final boolean restoreBetweenSteps;
  private final List<Row> output = new ArrayList<>();
  private final List<Long> watermarks = new ArrayList<>();
  private TwoInputHarness<Row, Row, Row> harness;
  private long processingTime;

  public RestoringTwoInputHarness(BiFunction<DataStream<Row>, DataStream<Row>, DataStream<Row>> pipeline,
      boolean restoreBetweenSteps) throws Exception {
    this.pipeline = pipeline;
    this.restoreBetweenSteps = restoreBetweenSteps;
    this.harness = TwoInputHarness.<Row, Row, Row>of(pipeline).open();
  }

  public void left(Row row, long timestamp) throws Exception {
    step();
    harness.processElement1(row, timestamp);
  }

  public void right(Row row, long timestamp) throws Exception {
    step();
    harness.processElement2(row, timestamp);
  }

  /** Advances both inputs' watermarks. */
  public void watermark(long watermark) throws Exception {
    step();
    harness.processWatermark(watermark);
  }

  /** Moves processing time (which goes on across restores) and fires the timers that became due. */
  public void processingTime(long time) throws Exception {
    step();
    processingTime = time;
    harness.setProcessingTime(time);
  }

  /** Everything emitted so far, across restores. */
  public List<Row> output() {
    List<Row> all = new ArrayList<>(output);
    all.addAll(harness.output());
    return all;
  }

  /** The output watermarks so far, across restores. */
  public List<Long> watermarks() {
    List<Long> all = new ArrayList<>(watermarks);
    all.addAll(harness.watermarks());
    return all;
  }

  private void step() throws Exception {
    if (!restoreBetweenSteps) {
      return;
    }
    var snapshot = harness.snapshot();
    output.addAll(harness.output());
    watermarks.addAll(harness.watermarks());
    harness.close();
    harness = TwoInputHarness.<Row, Row, Row>of(pipeline).restore(snapshot).open();
    harness.clock().setTime(processingTime);
  }
}
