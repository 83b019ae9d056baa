package io.eddy.runtime.operators;

/** An operator with one logical input. */
public interface OneInputOperator<IN> extends StreamOperator {
  void processElement(IN value, long timestamp) throws Exception;

  /** The input's watermark advanced (minimum over its channels); forward it when done. */
  void processWatermark(long watermark) throws Exception;

  /** The input became idle or active. */
  void processIdle(boolean idle) throws Exception;
}
