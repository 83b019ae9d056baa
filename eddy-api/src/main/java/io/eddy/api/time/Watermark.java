package io.eddy.api.time;

/**
 * A promise that no more records with a timestamp at or below {@code timestamp} will follow
 * (late records aside). {@link #MAX} ends event time: every window fires.
 */
public record Watermark(long timestamp) {
  public static final Watermark MAX = new Watermark(Long.MAX_VALUE);
  public static final long UNDEFINED = Long.MIN_VALUE;
}
