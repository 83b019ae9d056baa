package io.eddy.runtime.tasks;

import io.eddy.api.datastream.OutputTag;
import io.eddy.api.metrics.SimpleCounter;
import io.eddy.runtime.metrics.InternalOperatorMetricGroup;
import io.eddy.runtime.operators.Output;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The output of an operator with several consumers: main-output records go to every main
 * consumer, side-output records to the consumers of their tag (none: dropped, as in Flink),
 * watermarks and idleness to all. Counts each record once as the producer's {@code numRecordsOut}
 * (its consumers were built not to count) and notes the output watermark.
 */
final class RoutingOutput implements Output<Object> {
  private final Output<Object>[] main;
  private final Map<OutputTag<?>, Output<Object>[]> side;
  private final Output<Object>[] all;
  private final InternalOperatorMetricGroup producer;
  private final SimpleCounter numRecordsOut;

  @SuppressWarnings("unchecked")
  RoutingOutput(List<Output<Object>> main, Map<OutputTag<?>, List<Output<Object>>> side,
      InternalOperatorMetricGroup producer) {
    this.producer = producer;
    this.numRecordsOut = producer.numRecordsOut();
    this.main = main.toArray(new Output[0]);
    this.side = new java.util.HashMap<>();
    List<Output<Object>> everyone = new ArrayList<>(main);
    side.forEach((tag, outputs) -> {
      this.side.put(tag, outputs.toArray(new Output[0]));
      everyone.addAll(outputs);
    });
    this.all = everyone.toArray(new Output[0]);
  }

  @Override
  public void collect(Object value, long timestamp) {
    numRecordsOut.inc();
    for (Output<Object> o : main) {
      o.collect(value, timestamp);
    }
  }

  @Override
  public <X> void collect(OutputTag<X> tag, X value, long timestamp) {
    numRecordsOut.inc();
    Output<Object>[] targets = side.get(tag);
    if (targets != null) {
      for (Output<Object> o : targets) {
        o.collect(value, timestamp);
      }
    }
  }


  @Override
  public void emitWatermark(long watermark) {
    producer.outputWatermark(watermark);
    for (Output<Object> o : all) {
      o.emitWatermark(watermark);
    }
  }

  @Override
  public void emitIdle(boolean idle) {
    for (Output<Object> o : all) {
      o.emitIdle(idle);
    }
  }
}
