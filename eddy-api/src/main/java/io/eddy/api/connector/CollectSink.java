package io.eddy.api.connector;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Hands records to the process that submitted the job (executeAndCollect). Every copy of the
 * sink shares one bounded queue, found by id in a process-wide registry, so a slow reader
 * back-pressures the job. At-least-once: after a recovery, records may be delivered twice.
 */
public final class CollectSink<T> implements Sink<T> {
  private static final int CAPACITY = 16_384;
  private static final Map<String, BlockingQueue<Object>> QUEUES = new ConcurrentHashMap<>();

  private final String id = UUID.randomUUID().toString();

  public CollectSink() {
    QUEUES.put(id, new LinkedBlockingQueue<>(CAPACITY));
  }

  /** The queue the records arrive in; the reader must call {@link #release()} when done. */
  @SuppressWarnings("unchecked")
  public BlockingQueue<T> queue() {
    return (BlockingQueue<T>) (BlockingQueue<?>) QUEUES.get(id);
  }

  public void release() {
    QUEUES.remove(id);
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    BlockingQueue<Object> queue = QUEUES.get(id);
    if (queue == null) {
      throw new IllegalStateException("The collecting reader is gone");
    }
    return new SinkWriter<>() {
      @Override
      public void write(T element, Context ctx) throws InterruptedException {
        queue.put(element);
      }

      @Override
      public void flush(boolean endOfInput) {}
    };
  }
}
