package io.eddy.table.runtime.operators.match;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.SingleOutputStreamOperator;
import io.eddy.api.functions.KeySelector;
import io.eddy.api.graph.OneInputTransformation;
import io.eddy.api.graph.OperatorSpec;
import io.eddy.api.types.Row;
import io.eddy.runtime.operators.AbstractOneInputOperator;
import io.eddy.runtime.operators.CustomOperatorFactory;
import io.eddy.runtime.operators.OneInputOperator;
import io.eddy.runtime.operators.OperatorContext;
import io.eddy.runtime.operators.Output;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Gives each row the timestamp of its rowtime field (Flink's StreamRecordTimestampInserter), for
 * operators that read the record's timestamp (the CEP operator under MATCH_RECOGNIZE) after
 * operators that do not keep it. A TIMESTAMP is read as UTC, a TIMESTAMP_LTZ as the instant.
 */
public record RowtimeInserter(int rowtimeField) implements CustomOperatorFactory {

  /** {@code input} with every row's timestamp set from {@code rowtimeField}, at the input's parallelism. */
  public static DataStream<Row> apply(DataStream<Row> input, int rowtimeField) {
    return new SingleOutputStreamOperator<>(input.getExecutionEnvironment(), new OneInputTransformation<>(
        "StreamRecordTimestampInserter", input.getTransformation(),
        new OperatorSpec.CustomSpec(new RowtimeInserter(rowtimeField)), input.getParallelism(), null));
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public OneInputOperator<Object> createOneInput(OperatorContext context, Output<Object> output,
      KeySelector<Object, ?> key) {
    return (OneInputOperator) new Inserter(context, (Output) output, rowtimeField);
  }

  private static final class Inserter extends AbstractOneInputOperator<Row, Row> {
    private final int field;

    Inserter(OperatorContext context, Output<Row> output, int field) {
      super(context, output, null);
      this.field = field;
    }

    @Override
    protected Object userFunction() {
      return null;
    }

    @Override
    public void processElement(Row row, long timestamp) {
      Object t = row.getField(field);
      if (t == null) {
        throw new IllegalArgumentException("Rowtime field " + field + " is NULL in " + row
            + ": a row ordered by event time needs its time");
      }
      output.collect(row, t instanceof LocalDateTime ldt ? ldt.toInstant(ZoneOffset.UTC).toEpochMilli()
          : ((Instant) t).toEpochMilli());
    }
  }
}
