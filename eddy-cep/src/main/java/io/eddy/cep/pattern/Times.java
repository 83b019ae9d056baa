package io.eddy.cep.pattern;

import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;

/**
 * How often a looping or times pattern accepts events ({@code from..to}), and optionally the
 * longest gap between two of its consecutive events.
 */
public record Times(int from, int to, Duration windowTime) implements Serializable {
  public Times {
    if (from <= 0) {
      throw new IllegalArgumentException("The number of times must be positive, got " + from);
    }
    if (to < from) {
      throw new IllegalArgumentException("The upper bound " + to + " is below the lower bound " + from);
    }
  }

  public static Times of(int from, int to, Duration windowTime) {
    return new Times(from, to, windowTime);
  }

  public static Times of(int times, Duration windowTime) {
    return new Times(times, times, windowTime);
  }

  public int getFrom() {
    return from;
  }

  public int getTo() {
    return to;
  }

  public Optional<Duration> getWindowSize() {
    return Optional.ofNullable(windowTime);
  }
}
