package io.eddy.runtime.testing;

import io.eddy.api.datastream.OutputTag;
import io.eddy.runtime.operators.Output;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Records everything an operator under test emits, in order. */
final class HarnessOutput implements Output<Object> {
  /** One emitted element: a record with its timestamp, or a watermark. */
  record Emitted(Object value, long timestamp, boolean isWatermark) {}

  final List<Emitted> main = new ArrayList<>();
  final Map<OutputTag<?>, List<Emitted>> side = new HashMap<>();

  @Override
  public void collect(Object value, long timestamp) {
    main.add(new Emitted(value, timestamp, false));
  }

  @Override
  public <X> void collect(OutputTag<X> tag, X value, long timestamp) {
    side.computeIfAbsent(tag, t -> new ArrayList<>()).add(new Emitted(value, timestamp, false));
  }

  @Override
  public void emitWatermark(long watermark) {
    main.add(new Emitted(null, watermark, true));
  }

  @Override
  public void emitIdle(boolean idle) {}
}
