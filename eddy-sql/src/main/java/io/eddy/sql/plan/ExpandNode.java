package io.eddy.sql.plan;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.types.Row;
import io.eddy.table.runtime.operators.calc.ExpandFunction;
import io.eddy.table.types.LogicalType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Flink's Expand: one copy of each change per grouping set, grouping fields outside the set
 * NULL, the set's expand id as the last field ({@code $e}). Forwards its input's changelog mode;
 * no upsert key (a key's fields may be nulled).
 */
public final class ExpandNode extends ForwardingNode {
  private final int[][] nulledFields;
  private final long[] expandIds;

  public ExpandNode(PhysicalNode input, LogicalType rowType, int[][] nulledFields, long[] expandIds) {
    super(List.of(input), rowType);
    this.nulledFields = nulledFields.clone();
    this.expandIds = expandIds.clone();
  }

  @Override
  public UpsertKeys upsertKeys() {
    return UpsertKeys.NONE;
  }

  @Override
  public String name() {
    return "Expand";
  }

  @Override
  public String attributes() {
    List<String> sets = new ArrayList<>();
    for (int i = 0; i < expandIds.length; i++) {
      sets.add("{nulls=" + Arrays.toString(nulledFields[i]) + ", $e=" + expandIds[i] + "}");
    }
    return "projects=[" + String.join(", ", sets) + "]";
  }

  @Override
  public DataStream<Row> translate(TranslationContext context) {
    DataStream<Row> in = context.streamOf(input());
    // Stateless: runs at its input's parallelism, so it chains.
    return in.flatMap(new ExpandFunction(nulledFields, expandIds)).name("Expand").setParallelism(in.getParallelism());
  }
}
