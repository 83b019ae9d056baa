package io.eddy.sql.plan;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.types.Row;
import io.eddy.table.runtime.operators.correlate.CorrelateFunction;
import io.eddy.table.types.LogicalType;
import java.util.List;

/**
 * A row joined with a table function's rows for it (Flink's Correlate). Keeps the input's
 * changelog mode; no upsert key survives (one input row gives several output rows).
 */
public final class CorrelateNode extends ForwardingNode {
  private final CorrelateFunction function;
  private final String description;

  public CorrelateNode(PhysicalNode input, LogicalType rowType, CorrelateFunction function, String description) {
    super(List.of(input), rowType);
    this.function = function;
    this.description = description;
  }

  @Override
  public UpsertKeys upsertKeys() {
    return UpsertKeys.NONE;
  }

  @Override
  public String name() {
    return "Correlate";
  }

  @Override
  public String attributes() {
    return description;
  }

  @Override
  public DataStream<Row> translate(TranslationContext context) {
    DataStream<Row> in = context.streamOf(input());
    return in.flatMap(function).name("Correlate").setParallelism(in.getParallelism());
  }
}
