package io.eddy.table.runtime.operators.join;

import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedCoProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.state.MapState;
import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.state.StateTtlConfig;
import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import io.eddy.api.types.TypeSerializers;
import io.eddy.table.runtime.RowExpression;
import java.time.Duration;
import java.util.Map;

/**
 * Regular inner join with retraction (Flink's StreamingJoinOperator for INNER), on two streams
 * keyed by the equi-join key: each side keeps the multiset of its present rows (row -> count in
 * map state); an arriving row is added to or removed from its side and joined with every present
 * row of the other side that satisfies the residual condition (over the concatenated row, may be
 * null). Accumulating rows produce {@code +I}, retracting rows {@code -D}, one per match and copy.
 * Rows are stored as insert rows so a -U/-D finds the row its +I/+U stored.
 */
public final class InnerJoinFunction extends KeyedCoProcessFunction<Row, Row, Row, Row> {
  private static final long serialVersionUID = 1L;

  private final RowExpression residual;
  private final Duration stateTtl;
  private transient MapState<Row, Integer> left;
  private transient MapState<Row, Integer> right;

  /** {@code stateTtl} zero for none. */
  public InnerJoinFunction(RowExpression residual, Duration stateTtl) {
    this.residual = residual;
    this.stateTtl = stateTtl;
  }

  @Override
  public void open(OpenContext openContext) {
    left = getRuntimeContext().getMapState(descriptor("left"));
    right = getRuntimeContext().getMapState(descriptor("right"));
  }

  private MapStateDescriptor<Row, Integer> descriptor(String name) {
    MapStateDescriptor<Row, Integer> d = new MapStateDescriptor<>(name, TypeSerializers.<Row>generic(),
        TypeSerializers.of(Integer.class));
    if (!stateTtl.isZero()) {
      d.enableTimeToLive(StateTtlConfig.newBuilder(stateTtl).build());
    }
    return d;
  }

  @Override
  public void processElement1(Row row, Context ctx, Collector<Row> out) throws Exception {
    process(row, left, right, true, out);
  }

  @Override
  public void processElement2(Row row, Context ctx, Collector<Row> out) throws Exception {
    process(row, right, left, false, out);
  }

  private void process(Row row, MapState<Row, Integer> own, MapState<Row, Integer> other, boolean isLeft,
      Collector<Row> out) throws Exception {
    Row stored = Row.copyWithKind(row, RowKind.INSERT);
    boolean accumulate = row.getKind().isAccumulate();
    Integer count = own.get(stored);
    if (accumulate) {
      own.put(stored, count == null ? 1 : count + 1);
    } else if (count == null) {
      return;
    } else if (count == 1) {
      own.remove(stored);
    } else {
      own.put(stored, count - 1);
    }
    RowKind kind = accumulate ? RowKind.INSERT : RowKind.DELETE;
    for (Map.Entry<Row, Integer> e : other.entries()) {
      Row joined = isLeft ? concat(kind, stored, e.getKey()) : concat(kind, e.getKey(), stored);
      if (residual != null && !Boolean.TRUE.equals(residual.eval(joined))) {
        continue;
      }
      for (int i = 0; i < e.getValue(); i++) {
        out.collect(i == 0 ? joined : Row.copyWithKind(joined, kind));
      }
    }
  }

  private static Row concat(RowKind kind, Row a, Row b) {
    Object[] fields = new Object[a.getArity() + b.getArity()];
    for (int i = 0; i < a.getArity(); i++) {
      fields[i] = a.getField(i);
    }
    for (int i = 0; i < b.getArity(); i++) {
      fields[a.getArity() + i] = b.getField(i);
    }
    return Row.wrap(kind, fields);
  }
}
