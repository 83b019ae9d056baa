package io.eddy.api.datastream;

import io.eddy.api.connector.CollectSink;
import io.eddy.api.execution.JobClient;
import io.eddy.api.execution.JobExecutionException;
import java.util.NoSuchElementException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a {@link CollectSink}'s queue while its job runs. Ends when the job has finished and
 * the queue is drained; rethrows the job's failure (unchecked) instead of ending quietly.
 */
final class CollectIterator<T> implements CloseableIterator<T> {
  private final CollectSink<T> sink;
  private final BlockingQueue<T> queue;
  private final JobClient job;
  private T next;
  private boolean closed;

  CollectIterator(CollectSink<T> sink, JobClient job) {
    this.sink = sink;
    this.queue = sink.queue();
    this.job = job;
  }

  @Override
  public boolean hasNext() {
    if (next != null) {
      return true;
    }
    if (closed) {
      return false;
    }
    try {
      while (true) {
        boolean done = job.isDone();
        next = queue.poll(done ? 0 : 20, TimeUnit.MILLISECONDS);
        if (next != null) {
          return true;
        }
        if (done) {
          job.await();
          close();
          return false;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IllegalStateException("Interrupted while collecting results", e);
    } catch (JobExecutionException e) {
      close();
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    T result = next;
    next = null;
    return result;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (!job.isDone()) {
      job.cancel();
      queue.clear();
    }
    sink.release();
  }
}
