package io.eddy.table.runtime.operators;

import io.eddy.api.state.StateDescriptor;
import io.eddy.api.state.StateTtlConfig;
import java.time.Duration;

/**
 * {@code table.exec.state.ttl} on a table operator's state descriptor: idle state expires after
 * the TTL, as in Flink; a zero TTL keeps state forever.
 */
public final class StateTtl {
  private StateTtl() {}

  public static <D extends StateDescriptor<?>> D apply(D descriptor, Duration ttl) {
    if (!ttl.isZero()) {
      descriptor.enableTimeToLive(StateTtlConfig.newBuilder(ttl).build());
    }
    return descriptor;
  }
}
