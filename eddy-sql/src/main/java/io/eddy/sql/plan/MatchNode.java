package io.eddy.sql.plan;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.types.Row;
import io.eddy.cep.CEP;
import io.eddy.cep.PatternStream;
import io.eddy.cep.pattern.Pattern;
import io.eddy.table.runtime.ChangelogMode;
import io.eddy.table.runtime.operators.RowKeySelector;
import io.eddy.table.runtime.operators.match.OneRowPerMatchFunction;
import io.eddy.table.runtime.operators.match.RowEventComparator;
import io.eddy.table.runtime.operators.match.RowtimeInserter;
import io.eddy.table.types.LogicalType;
import java.util.List;

/**
 * MATCH_RECOGNIZE (Flink's Match): the input's rows get their rowtime as timestamp, are keyed by
 * the PARTITION BY fields (all on one subtask without them) and matched against the pattern by
 * eddy-cep's operator, which buffers rows until the watermark passes them, matches them in time
 * order (ties by the further ORDER BY fields, then arrival) and drops late rows; its NFA and
 * shared buffer are keyed state. One insert row per match: partition fields, then measures.
 */
public final class MatchNode extends PhysicalNode {
  private final int[] partition;
  private final RowEventComparator comparator;
  private final Pattern<Row, Row> pattern;
  private final OneRowPerMatchFunction function;
  private final int rowtimeField;
  private final String description;

  /**
   * @param comparator   orders rows of one timestamp, or null
   * @param rowtimeField the output field of {@code MATCH_ROWTIME()}, or -1
   */
  public MatchNode(PhysicalNode input, LogicalType rowType, int[] partition, RowEventComparator comparator,
      Pattern<Row, Row> pattern, OneRowPerMatchFunction function, int rowtimeField, String description) {
    super(List.of(input), rowType);
    this.partition = partition.clone();
    this.comparator = comparator;
    this.pattern = pattern;
    this.function = function;
    this.rowtimeField = rowtimeField;
    this.description = description;
  }

  @Override
  public ChangelogMode changelogMode() {
    return ChangelogMode.insertOnly();
  }

  @Override
  public UpsertKeys upsertKeys() {
    return UpsertKeys.NONE;
  }

  @Override
  public int rowtimeField() {
    return rowtimeField;
  }

  @Override
  public String name() {
    return "Match";
  }

  @Override
  public String attributes() {
    return description;
  }

  @Override
  public DataStream<Row> translate(TranslationContext context) {
    DataStream<Row> rows = RowtimeInserter.apply(context.streamOf(input()), input().rowtimeField());
    DataStream<Row> in = partition.length > 0 ? rows.keyBy(new RowKeySelector(partition)) : rows;
    PatternStream<Row> matches = comparator == null ? CEP.pattern(in, pattern) : CEP.pattern(in, pattern, comparator);
    return matches.process(function).name("Match");
  }
}
