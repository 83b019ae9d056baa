package io.eddy.api.functions;

import java.io.Serializable;

/** Measures how far apart two data points are, for {@code DeltaTrigger} and {@code DeltaEvictor}. */
@FunctionalInterface
public interface DeltaFunction<DATA> extends Serializable {
  double getDelta(DATA oldDataPoint, DATA newDataPoint);
}
