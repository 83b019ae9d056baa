package io.eddy.runtime.operators;

import io.eddy.api.connector.Committer;
import io.eddy.api.connector.Sink;
import io.eddy.api.connector.SinkWriter;
import io.eddy.api.connector.TwoPhaseCommittingSink;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tail of a sink task: hands records to the subtask's sink writer. For a
 * {@link TwoPhaseCommittingSink}, the committables prepared at each checkpoint are stored in it
 * (list {@value #COMMITTABLES}) and committed when it completes; restored ones are committed
 * again (idempotently) on start. The last ones, staged after the end of input, are prepared in
 * the task's final checkpoint and committed when it completes (Flink's final checkpoint), or,
 * when no final checkpoint follows, left for the job to commit at the end.
 */
final class SinkOperator<T> extends AbstractOneInputOperator<T, Void> {
  static final String COMMITTABLES = "sink-committables";

  private final Sink<T> sink;
  private SinkWriter<T> writer;
  private Committer<Serializable> committer;
  private final TreeMap<Long, List<Serializable>> uncommitted = new TreeMap<>();
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

  @SuppressWarnings("unchecked")
  private TwoPhaseCommittingSink<T, Serializable> twoPhase() {
    return sink instanceof TwoPhaseCommittingSink<?, ?> s ? (TwoPhaseCommittingSink<T, Serializable>) s : null;
  }

  @Override
  public void open() throws Exception {
    var info = context.taskInfo();
    writer = sink.createWriter(new Sink.WriterInitContext() {
      @Override public int subtaskIndex() { return info.indexOfThisSubtask(); }
      @Override public int parallelism() { return info.numberOfParallelSubtasks(); }
    });
    if (twoPhase() != null) {
      committer = twoPhase().createCommitter();
      List<Serializable> restored = new ArrayList<>();
      for (Object c : context.restoredList(COMMITTABLES)) {
        restored.add((Serializable) c);
      }
      if (!restored.isEmpty()) {
        committer.commit(restored);
      }
    }
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
  public Map<String, List<Object>> snapshotOperatorState(long checkpointId) throws Exception {
    writer.flush(false);
    if (twoPhase() == null) {
      return Map.of();
    }
    List<Serializable> prepared = new ArrayList<>(
        ((TwoPhaseCommittingSink.PrecommittingWriter<T, Serializable>) writer).prepareCommit(checkpointId));
    uncommitted.put(checkpointId, prepared);
    List<Object> all = new ArrayList<>();
    uncommitted.values().forEach(all::addAll);
    return Map.of(COMMITTABLES, all);
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) throws Exception {
    if (committer == null) {
      return;
    }
    var covered = uncommitted.headMap(checkpointId, true);
    List<Serializable> toCommit = new ArrayList<>();
    covered.values().forEach(toCommit::addAll);
    if (!toCommit.isEmpty()) {
      committer.commit(toCommit);
    }
    covered.clear();
  }

  @Override
  public void finish() throws Exception {
    writer.flush(true);
    if (twoPhase() != null && !context.endOfInputCommits().finalCheckpointFollows()) {
      List<Serializable> last = new ArrayList<>();
      uncommitted.values().forEach(last::addAll);
      uncommitted.clear();
      last.addAll(((TwoPhaseCommittingSink.PrecommittingWriter<T, Serializable>) writer).prepareCommit(Long.MAX_VALUE));
      context.endOfInputCommits().add(twoPhase(), last);
    }
  }

  @Override
  public void close() throws Exception {
    try {
      if (writer != null) {
        writer.close();
      }
    } finally {
      if (committer != null) {
        committer.close();
      }
    }
  }
}
