package io.eddy.runtime.operators;

import io.eddy.api.connector.Sink;
import io.eddy.api.connector.SinkWriter;

/** The tail of a sink task: hands records to the subtask's sink writer. */
final class SinkOperator<T> extends AbstractOneInputOperator<T, Void> {
  private final Sink<T> sink;
  private SinkWriter<T> writer;
  private long currentTimestamp;
  private final SinkWriter.Context writerContext = new SinkWriter.Context() {
    @Override
    public long currentWatermark() {
      return currentWatermark;
    }

    @Override
    public Long timestamp() {
      return currentTimestamp == Output.NO_TIMESTAMP ? null : currentTimestamp;
    }
  };

  SinkOperator(OperatorContext context, Output<Void> output, Sink<T> sink) {
    super(context, output, null);
    this.sink = sink;
  }

  @Override
  protected Object userFunction() {
    return null;
  }

  @Override
  public void open() throws Exception {
    var info = context.taskInfo();
    writer = sink.createWriter(new Sink.WriterInitContext() {
      @Override public int subtaskIndex() { return info.indexOfThisSubtask(); }
      @Override public int parallelism() { return info.numberOfParallelSubtasks(); }
    });
  }

  @Override
  public void processElement(T value, long timestamp) throws Exception {
    currentTimestamp = timestamp;
    writer.write(value, writerContext);
  }

  @Override
  public void processWatermark(long watermark) {
    currentWatermark = watermark;
  }

  @Override
  public void finish() throws Exception {
    writer.flush(true);
  }

  @Override
  public void close() throws Exception {
    if (writer != null) {
      writer.close();
    }
  }
}
