package io.eddy.cli.bench;

import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The state of the state benchmarks: for every record, replaces its key's value with a fresh one
 * of {@code size} random bytes (the first byte counts the updates), so the state is {@code keys x
 * size} bytes whatever the backend and however its files are compressed. Emits nothing.
 */
class Payload extends KeyedProcessFunction<Long, Long, Long> {
  private final int size;
  private transient ValueState<byte[]> value;

  Payload(int size) {
    this.size = size;
  }

  @Override
  public void open(OpenContext ctx) throws Exception {
    value = getRuntimeContext().getState(new ValueStateDescriptor<>("payload", byte[].class));
  }

  @Override
  public void processElement(Long i, Context ctx, Collector<Long> out) throws Exception {
    byte[] old = value.value();
    byte[] next = new byte[size];
    ThreadLocalRandom.current().nextBytes(next);
    next[0] = (byte) (old == null ? 1 : old[0] + 1);
    value.update(next);
  }
}
