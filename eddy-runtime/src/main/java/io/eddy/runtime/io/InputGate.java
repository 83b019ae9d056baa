package io.eddy.runtime.io;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The input side of one subtask: all channels that feed it, read round-robin so that no
 * producer starves. When every channel is empty the task parks here until a producer (or a
 * mail, or a timer deadline) wakes it. Channels that delivered their end are skipped, and so
 * are channels blocked while the task aligns checkpoint barriers (their data waits in them).
 * A channel's data ends (EndOfData or EndOfPartition) before the channel does (EndOfPartition):
 * in between it carries only barriers, from a sender waiting for its final checkpoint.
 */
public final class InputGate {
  private final List<Channel> channels = new ArrayList<>();
  private boolean[] finished = new boolean[0];
  private boolean[] blocked = new boolean[0];
  private boolean[] dataEnded = new boolean[0];
  private int remaining;
  private int dataRemaining;
  private int next;
  private int lastChannel;
  private volatile Thread owner;
  private volatile boolean waiting;
  private volatile boolean signalled;

  /** Creates a channel into this gate; called while the job is wired, before it starts. */
  public Channel newChannel(int capacity, int inputIndex, String description) {
    Channel channel = new Channel(capacity, this, inputIndex, description);
    channels.add(channel);
    finished = new boolean[channels.size()];
    blocked = new boolean[channels.size()];
    dataEnded = new boolean[channels.size()];
    remaining = channels.size();
    dataRemaining = channels.size();
    return channel;
  }

  public int channelCount() {
    return channels.size();
  }

  public Channel channel(int index) {
    return channels.get(index);
  }

  /** Binds the gate to the thread that reads it. */
  public void setOwner(Thread thread) {
    this.owner = thread;
  }

  /** True once every channel delivered its end. */
  public boolean isFinished() {
    return remaining == 0;
  }

  /** True once every channel delivered the end of its data (EndOfData or EndOfPartition). */
  public boolean isDataEnded() {
    return dataRemaining == 0;
  }

  /** Marks the end of a channel's data (after it delivered EndOfData). */
  public void markDataEnded(int channelIndex) {
    if (!dataEnded[channelIndex]) {
      dataEnded[channelIndex] = true;
      dataRemaining--;
    }
  }

  /** Marks a channel done (after it delivered EndOfPartition); its data ended too. */
  public void markFinished(int channelIndex) {
    markDataEnded(channelIndex);
    if (!finished[channelIndex]) {
      finished[channelIndex] = true;
      remaining--;
    }
  }

  /** Channels not yet finished. */
  public int liveChannelCount() {
    return remaining;
  }

  /** Stops reading a channel until {@link #unblockAll()} (barrier alignment). */
  public void block(int channelIndex) {
    blocked[channelIndex] = true;
  }

  public void unblockAll() {
    java.util.Arrays.fill(blocked, false);
  }

  /**
   * The next element of some channel, or null if all are empty. {@link #lastChannel()} tells
   * which channel it came from.
   */
  public Object poll() {
    int n = channels.size();
    for (int i = 0; i < n; i++) {
      int c = next;
      next = next + 1 == n ? 0 : next + 1;
      if (!finished[c] && !blocked[c]) {
        Object element = channels.get(c).poll();
        if (element != null) {
          lastChannel = c;
          return element;
        }
      }
    }
    return null;
  }

  /** The channel the last polled element came from. */
  public int lastChannel() {
    return lastChannel;
  }

  /** Parks until something may be available or {@code maxWaitNanos} pass. */
  public void await(long maxWaitNanos) {
    waiting = true;
    try {
      if (signalled) {
        return;
      }
      for (int c = 0; c < channels.size(); c++) {
        if (!finished[c] && !blocked[c] && !channels.get(c).isEmpty()) {
          return;
        }
      }
      LockSupport.parkNanos(this, Math.max(0, Math.min(maxWaitNanos, TimeUnit.MILLISECONDS.toNanos(100))));
    } finally {
      waiting = false;
      signalled = false;
    }
  }

  /** Wakes the owner if it is parked; called by producers, mail senders and clocks. */
  public void notifyAvailable() {
    signalled = true;
    if (waiting) {
      Thread t = owner;
      if (t != null) {
        LockSupport.unpark(t);
      }
    }
  }
}
