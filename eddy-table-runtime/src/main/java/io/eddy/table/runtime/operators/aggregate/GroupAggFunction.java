package io.eddy.table.runtime.operators.aggregate;

import io.eddy.api.functions.ReadOnlyRecords;
import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.state.StateTtlConfig;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.api.types.Row;
import io.eddy.api.types.TypeSerializers;
import java.time.Duration;
import java.util.List;

/**
 * Streaming group aggregation with retraction on a stream keyed by the group key: the group's
 * accumulator row in one value state, the changelog logic in {@link GroupAggregation}. With a
 * state TTL ({@code table.exec.state.ttl}) idle groups are forgotten, as in Flink.
 */
public final class GroupAggFunction extends KeyedProcessFunction<Row, Row, Row> implements ReadOnlyRecords {
  private static final long serialVersionUID = 1L;

  private final GroupAggregation aggregation;
  private final Duration stateTtl;
  private transient ValueState<Row> accumulator;

  /** {@code stateTtl} zero for none. */
  public GroupAggFunction(GroupAggregation aggregation, Duration stateTtl) {
    this.aggregation = aggregation;
    this.stateTtl = stateTtl;
  }

  @Override
  public void open(OpenContext openContext) {
    ValueStateDescriptor<Row> descriptor = new ValueStateDescriptor<>("accumulators", TypeSerializers.<Row>generic());
    if (!stateTtl.isZero()) {
      descriptor.enableTimeToLive(StateTtlConfig.newBuilder(stateTtl).build());
    }
    accumulator = getRuntimeContext().getState(descriptor);
  }

  @Override
  public void processElement(Row row, Context ctx, Collector<Row> out) throws Exception {
    Row next = aggregation.apply(ctx.getCurrentKey(), accumulator.value(), List.of(row), out);
    if (next == null) {
      accumulator.clear();
    } else {
      accumulator.update(next);
    }
  }
}
