package io.eddy.sql.plan;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.types.Row;
import io.eddy.table.runtime.RowExpression;
import io.eddy.table.runtime.operators.source.RowtimeWatermarks;

/**
 * Sets each row's timestamp from the rowtime field and generates the table's watermark
 * ({@code WATERMARK FOR rowtime AS expression}) right after the scan and its computed columns.
 */
public final class WatermarkAssignerNode extends ForwardingNode {
  private final int rowtimeField;
  private final RowExpression watermark;
  private final Long delayMillis;
  private final String watermarkText;

  /**
   * {@code delayMillis}: the watermark is the rowtime less this many milliseconds (bounded
   * out-of-orderness), or null when only {@code watermark} computes it.
   */
  public WatermarkAssignerNode(PhysicalNode input, int rowtimeField, RowExpression watermark, Long delayMillis,
      String watermarkText) {
    super(java.util.List.of(input), input.rowType());
    this.rowtimeField = rowtimeField;
    this.watermark = watermark;
    this.delayMillis = delayMillis;
    this.watermarkText = watermarkText;
  }

  @Override
  public UpsertKeys upsertKeys() {
    return input().upsertKeys();
  }

  @Override
  public int rowtimeField() {
    return rowtimeField;
  }

  @Override
  public int proctimeField() {
    return input().proctimeField();
  }

  @Override
  public String name() {
    return "WatermarkAssigner";
  }

  @Override
  public String attributes() {
    return "rowtime=[" + field(rowtimeField) + "], watermark=[" + watermarkText + "]";
  }

  @Override
  public DataStream<Row> translate(TranslationContext context) {
    // At the source's parallelism, as Flink generates watermarks in the source: each subtask's
    // watermark covers exactly the rows of one source split, in their order.
    DataStream<Row> in = context.streamOf(input());
    return in.assignTimestampsAndWatermarks(delayMillis != null
        ? RowtimeWatermarks.boundedDelay(rowtimeField, delayMillis) : RowtimeWatermarks.strategy(rowtimeField, watermark))
        .setParallelism(in.getParallelism());
  }
}
