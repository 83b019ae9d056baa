package io.eddy.runtime;

import io.eddy.api.connector.Committer;
import io.eddy.api.connector.TwoPhaseCommittingSink;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A two-phase-commit test sink: writers stage records in memory, committables are uniquely
 * named batches, and committing a batch twice has no effect. What tests read is only what was
 * committed, so duplicates or losses across failures show.
 */
public final class ExactlyOnceSink<T> implements TwoPhaseCommittingSink<T, ExactlyOnceSink.Batch> {
  public record Batch(String id, ArrayList<Object> records) implements Serializable {}

  private static final Map<String, List<Object>> COMMITTED = new ConcurrentHashMap<>();
  private static final Map<String, Set<String>> COMMITTED_BATCHES = new ConcurrentHashMap<>();

  private final String id = UUID.randomUUID().toString();

  public ExactlyOnceSink() {
    COMMITTED.put(id, java.util.Collections.synchronizedList(new ArrayList<>()));
    COMMITTED_BATCHES.put(id, ConcurrentHashMap.newKeySet());
  }

  @SuppressWarnings("unchecked")
  public List<T> committed() {
    synchronized (COMMITTED.get(id)) {
      return new ArrayList<>((List<T>) (List<?>) COMMITTED.get(id));
    }
  }

  @Override
  public PrecommittingWriter<T, Batch> createWriter(WriterInitContext context) {
    return new PrecommittingWriter<>() {
      private ArrayList<Object> staged = new ArrayList<>();

      @Override
      public void write(T element, Context ctx) {
        staged.add(element);
      }

      @Override
      public void flush(boolean endOfInput) {}

      @Override
      public List<Batch> prepareCommit(long checkpointId) {
        Batch batch = new Batch(UUID.randomUUID().toString(), staged);
        staged = new ArrayList<>();
        return List.of(batch);
      }
    };
  }

  @Override
  public Committer<Batch> createCommitter() {
    String sinkId = id;
    return batches -> {
      for (Batch batch : batches) {
        if (COMMITTED_BATCHES.get(sinkId).add(batch.id())) {
          COMMITTED.get(sinkId).addAll(batch.records());
        }
      }
    };
  }
}
