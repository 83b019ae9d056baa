package io.eddy.sql.plan;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.types.Row;
import io.eddy.table.runtime.ChangelogMode;
import io.eddy.table.runtime.operators.window.WindowAssignment;
import io.eddy.table.types.LogicalType;
import java.util.List;

/**
 * A node of Eddy's physical plan: one changelog operator (or source/sink) with its output row
 * type, the {@link ChangelogMode} of its output and its {@link UpsertKeys} (sets of output fields
 * that identify a row across updates; none when rows have no key). Both
 * are inferred bottom-up when the node is built from its inputs; {@link #translate} turns the
 * node into Eddy DataStream operators. Immutable.
 */
public abstract class PhysicalNode {
  private final List<PhysicalNode> inputs;
  private final LogicalType rowType;

  protected PhysicalNode(List<PhysicalNode> inputs, LogicalType rowType) {
    this.inputs = List.copyOf(inputs);
    this.rowType = rowType;
  }

  public List<PhysicalNode> inputs() {
    return inputs;
  }

  public PhysicalNode input() {
    return inputs.get(0);
  }

  /** The output row type (a ROW of the output fields). */
  public LogicalType rowType() {
    return rowType;
  }

  /**
   * The kinds of change the node may emit, updates as -U/+U pairs; whether it really emits -U rows
   * is decided for the whole plan by {@link ChangelogPlan}.
   */
  public abstract ChangelogMode changelogMode();

  /**
   * True if the node passes its inputs' changes on as they are (Calc, Union, ...), so whatever its
   * consumer needs of -U rows it needs of its inputs. False for a node that consumes changes to
   * compute its own (it needs -U rows of updating inputs).
   */
  public boolean forwardsUpdates() {
    return false;
  }

  /**
   * What the node needs of input {@code input}'s updates when it consumes them to compute its own
   * (not {@link #forwardsUpdates()}): -U and +U rows (the default), or +U rows alone (a versioned
   * table read by its key).
   */
  public UpdateKind updatesNeededOf(int input) {
    return UpdateKind.BEFORE_AND_AFTER;
  }

  /**
   * True for a forwarding node that may drop one row of an update and keep the other (a filter on
   * a field outside every upsert key of its input): it cannot forward an upsert stream.
   */
  public boolean filtersUpdates() {
    return false;
  }

  /** True if the node generates updates and can leave out -U rows no consumer needs. */
  public boolean canOmitUpdateBefore() {
    return false;
  }

  /** The output's upsert keys (none for rows without a key). */
  public abstract UpsertKeys upsertKeys();

  /**
   * The output field that is an event-time attribute (rows' timestamps and the watermark follow
   * it, so event-time operators may use it), or -1. Flink's rowtime attribute.
   */
  public int rowtimeField() {
    return -1;
  }

  /**
   * The output field that is a processing-time attribute (a {@code PROCTIME()} column; operators
   * that use it read the task's processing-time clock, not the field), or -1. Flink's proctime
   * attribute.
   */
  public int proctimeField() {
    return -1;
  }

  /**
   * The output field holding the event time of each version of a row, for a temporal join's
   * versioned table: the rowtime attribute, or the time a keep-last deduplication orders an
   * updating stream by; -1 if none.
   */
  public int versionTimeField() {
    return rowtimeField();
  }

  /**
   * The output fields {@code [window_start, window_end]} of rows that belong to one window each
   * (the output of a window table function or window aggregation, through Calcs that keep both),
   * or null. Window Top-N and deduplication partition by them.
   */
  public int[] windowBounds() {
    return null;
  }

  /**
   * The windows that the rows of {@link #windowBounds} belong to (the window table function's), or
   * null when those are null. Window joins require the same on both inputs.
   */
  public WindowAssignment windowing() {
    return null;
  }

  /** The operator's name in EXPLAIN, Flink's where one exists (Calc, GroupAggregate, ...). */
  public abstract String name();

  /** The operator's settings in EXPLAIN. */
  public abstract String attributes();

  public abstract DataStream<Row> translate(TranslationContext context);

  /** Field names of the output, for EXPLAIN. */
  protected String field(int index) {
    return rowType.fieldNames().get(index);
  }

  protected String fields(int[] indices) {
    StringBuilder sb = new StringBuilder();
    for (int i : indices) {
      if (!sb.isEmpty()) {
        sb.append(", ");
      }
      sb.append(field(i));
    }
    return sb.toString();
  }
}
