package io.eddy.table.runtime.operators.join;

import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.types.Row;
import io.eddy.api.types.TypeSerializers;
import io.eddy.table.runtime.operators.StateTtl;
import java.time.Duration;

/**
 * The state of one side of a regular join: its present rows, each with counters (copies, and
 * what the join tracks per row), in map state under {@code table.exec.state.ttl}.
 */
final class RowCountStates {
  private RowCountStates() {}

  static MapStateDescriptor<Row, int[]> descriptor(String side, Duration stateTtl) {
    return StateTtl.apply(new MapStateDescriptor<>(side, TypeSerializers.<Row>generic(), TypeSerializers.<int[]>generic()),
        stateTtl);
  }
}
