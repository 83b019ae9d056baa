package io.eddy.runtime.operators;

/** An operator with two logical inputs; its watermark is the minimum of the two. */
public interface TwoInputOperator<IN1, IN2> extends StreamOperator {
  void processElement1(IN1 value, long timestamp) throws Exception;

  void processElement2(IN2 value, long timestamp) throws Exception;

  void processWatermark1(long watermark) throws Exception;

  void processWatermark2(long watermark) throws Exception;

  void processIdle1(boolean idle) throws Exception;

  void processIdle2(boolean idle) throws Exception;
}
