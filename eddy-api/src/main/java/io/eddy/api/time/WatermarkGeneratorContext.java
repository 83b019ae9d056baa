package io.eddy.api.time;

/** What a watermark generator may ask of the runtime when it is created. */
public interface WatermarkGeneratorContext {
  /** The task's processing-time clock (controllable in tests). */
  long currentProcessingTime();
}
