package io.eddy.api.connector;

import java.io.Serializable;
import java.util.List;

/**
 * An exactly-once sink: the writer stages records and, at each checkpoint, hands over
 * committables describing what it staged; they are stored in the checkpoint and committed
 * once the checkpoint is complete (and again, idempotently, after a recovery from it). At the
 * end of a bounded input, the last committables are committed when the whole job has finished.
 */
public interface TwoPhaseCommittingSink<T, C extends Serializable> extends Sink<T> {
  @Override
  PrecommittingWriter<T, C> createWriter(WriterInitContext context) throws Exception;

  Committer<C> createCommitter() throws Exception;

  /** A writer that can hand over what it staged. */
  interface PrecommittingWriter<T, C extends Serializable> extends SinkWriter<T> {
    /** What was staged since the last call; the writer starts staging afresh. */
    List<C> prepareCommit(long checkpointId) throws Exception;
  }
}
