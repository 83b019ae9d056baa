package io.eddy.cep.time;

/** Time as a pattern condition or pattern function sees it. */
public interface TimeContext {
  /**
   * The timestamp of the event being matched, or of the match/timeout being emitted; in
   * processing time the processing time at which the event arrived.
   */
  long timestamp();

  long currentProcessingTime();
}
