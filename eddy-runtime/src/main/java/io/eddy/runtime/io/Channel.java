package io.eddy.runtime.io;

import java.util.concurrent.ArrayBlockingQueue;

/**
 * The bounded queue from one producer subtask to one consumer subtask. A full channel makes the
 * producer wait: that is the backpressure. Elements are {@link RecordBatch}es and {@link
 * ControlEvent}s. One producer thread, one consumer thread.
 */
public final class Channel {
  private final ArrayBlockingQueue<Object> queue;
  private final InputGate consumer;
  private final int inputIndex;
  private final String description;

  Channel(int capacity, InputGate consumer, int inputIndex, String description) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.consumer = consumer;
    this.inputIndex = inputIndex;
    this.description = description;
  }

  /** Which logical input of the consumer (0 or 1) this channel feeds. */
  public int inputIndex() {
    return inputIndex;
  }

  /** The gate of the consumer subtask. */
  public InputGate consumer() {
    return consumer;
  }

  /** Blocks while the channel is full; interrupted when the job is cancelled. */
  void send(Object element) throws InterruptedException {
    queue.put(element);
    consumer.notifyAvailable();
  }

  Object poll() {
    return queue.poll();
  }

  boolean isEmpty() {
    return queue.isEmpty();
  }

  @Override
  public String toString() {
    return description;
  }
}
