package io.eddy.runtime.operators;

import io.eddy.api.connector.InputStatus;
import io.eddy.api.connector.ReaderOutput;
import io.eddy.api.connector.Source;
import io.eddy.api.connector.SourceReader;
import io.eddy.api.connector.SourceReaderContext;
import io.eddy.api.time.TimestampAssigner;
import io.eddy.api.time.WatermarkGenerator;
import io.eddy.api.time.WatermarkStrategy;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The head of a source task: pulls records from the subtask's reader, gives them event time,
 * and generates watermarks; at the end of a bounded input it emits the final watermark. The
 * reader's position is checkpointed as the list {@value #READER_STATE}.
 */
public final class SourceOperator<T> implements StreamOperator {
  static final String READER_STATE = "source-reader";
  private final OperatorContext context;
  private final Output<T> output;
  private final Source<T> source;
  private final WatermarkStrategy<T> strategy;
  private final long watermarkIntervalMillis;
  private SourceReader<T> reader;
  private TimestampAssigner<T> assigner;
  private WatermarkGenerator<T> generator;
  private WatermarkEmitter watermarks;
  private PeriodicEmission periodic;
  private final ReaderOutput<T> readerOutput = new ReaderOutput<>() {
    @Override
    public void collect(T record) {
      collect(record, Output.NO_TIMESTAMP);
    }

    @Override
    public void collect(T record, long timestamp) {
      long ts = assigner.extractTimestamp(record, timestamp);
      generator.beforeEvent(record, ts, watermarks);
      output.collect(record, ts);
      generator.onEvent(record, ts, watermarks);
      if (periodic.onRecord()) {
        generator.onPeriodicEmit(watermarks);
      }
    }
  };

  public SourceOperator(OperatorContext context, Output<T> output, Source<T> source, WatermarkStrategy<T> strategy,
      long watermarkIntervalMillis) {
    this.context = context;
    this.output = output;
    this.source = source;
    this.strategy = strategy;
    this.watermarkIntervalMillis = watermarkIntervalMillis;
  }

  @Override
  public String name() {
    return context.name();
  }

  @Override
  public void open() throws Exception {
    var time = context.processingTimeService();
    var info = context.taskInfo();
    boolean restored = context.isRestored();
    List<Serializable> restoredEntries = new ArrayList<>();
    for (Object entry : context.restoredList(READER_STATE)) {
      restoredEntries.add((Serializable) entry);
    }
    reader = source.createReader(new SourceReaderContext() {
      @Override public boolean isRestored() { return restored; }
      @Override public List<Serializable> restoredState() { return restoredEntries; }
      @Override public int subtaskIndex() { return info.indexOfThisSubtask(); }
      @Override public int parallelism() { return info.numberOfParallelSubtasks(); }
      @Override public long currentProcessingTime() { return time.now(); }
      @Override public void reportSkippedRecord(String description) { context.metrics().reportSkipped(description); }
    });
    assigner = strategy.createTimestampAssigner();
    generator = strategy.createWatermarkGenerator(time::now);
    watermarks = new WatermarkEmitter(output);
    periodic = new PeriodicEmission(time, watermarkIntervalMillis);
  }

  /** Reads the next few records; END_OF_INPUT once the reader is done. */
  public InputStatus emitNext() throws Exception {
    InputStatus status = reader.pollNext(readerOutput);
    if (status == InputStatus.NOTHING_AVAILABLE && periodic.onIdle()) {
      generator.onPeriodicEmit(watermarks);
    }
    return status;
  }

  @Override
  public Map<String, List<Object>> snapshotOperatorState(long checkpointId) throws Exception {
    return Map.of(READER_STATE, new ArrayList<>(reader.snapshotState(checkpointId)));
  }

  @Override
  public void finish() {
    generator.onPeriodicEmit(watermarks);
    watermarks.emitFinal();
  }

  @Override
  public void close() throws Exception {
    if (reader != null) {
      reader.close();
    }
  }
}
