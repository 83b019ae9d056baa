package io.eddy.table.runtime.operators.aggregate;

import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import java.io.Serializable;
import java.util.List;

/**
 * The aggregates of one group as a whole (Flink's AggsHandleFunction): they share one accumulator
 * row whose slot 0 counts the input rows of the group (so a group whose rows are all retracted is
 * recognised and removed) and whose further slots belong to the aggregates in order. Rows with a
 * filter that is not TRUE, or a NULL argument of a built-in aggregate, leave an aggregate
 * unchanged; a user aggregate function gets all its argument values (NULLs included) as an
 * {@code Object[]}. Immutable and stateless; the accumulator rows are the state.
 */
public final class Accumulators implements Serializable {
  private static final long serialVersionUID = 1L;

  private final AggregateCall[] calls;
  private final int[] offsets;
  private final int[][] argumentFields;
  private final int arity;

  public Accumulators(List<AggregateCall> calls) {
    this.calls = calls.toArray(AggregateCall[]::new);
    this.offsets = new int[this.calls.length];
    this.argumentFields = new int[this.calls.length][];
    int next = 1;
    for (int i = 0; i < this.calls.length; i++) {
      offsets[i] = next;
      argumentFields[i] = this.calls[i].arguments();
      next += this.calls[i].aggregator().slots();
    }
    this.arity = next;
  }

  public int size() {
    return calls.length;
  }

  public List<AggregateCall> calls() {
    return List.of(calls);
  }

  /** True when every aggregate can take retractions. */
  public boolean supportsRetraction() {
    for (AggregateCall call : calls) {
      if (!call.aggregator().supportsRetraction()) {
        return false;
      }
    }
    return true;
  }

  public Row create() {
    Row acc = new Row(RowKind.INSERT, arity);
    acc.setField(0, 0L);
    for (int i = 0; i < calls.length; i++) {
      calls[i].aggregator().init(acc, offsets[i]);
    }
    return acc;
  }

  /** The number of input rows in the group (accumulated minus retracted). */
  public static long rowCount(Row acc) {
    return (Long) acc.getField(0);
  }

  /** Applies one changelog row: +I/+U accumulate, -U/-D retract. */
  public void apply(Row acc, Row input) {
    boolean add = input.getKind().isAccumulate();
    acc.setField(0, rowCount(acc) + (add ? 1 : -1));
    for (int i = 0; i < calls.length; i++) {
      AggregateCall call = calls[i];
      if (call.filter() >= 0 && !Boolean.TRUE.equals(input.getField(call.filter()))) {
        continue;
      }
      int[] arguments = argumentFields[i];
      Object value;
      if (calls[i].aggregator().skipsNullArguments()) {
        value = arguments.length == 0 ? null : input.getField(arguments[0]);
        if (arguments.length > 0 && value == null) {
          continue;
        }
      } else {
        Object[] values = new Object[arguments.length];
        for (int a = 0; a < arguments.length; a++) {
          values[a] = input.getField(arguments[a]);
        }
        value = values;
      }
      if (add) {
        call.aggregator().accumulate(acc, offsets[i], value);
      } else {
        call.aggregator().retract(acc, offsets[i], value);
      }
    }
  }

  /** True when every aggregate can merge accumulators (what merging session windows need). */
  public boolean supportsMerge() {
    for (AggregateCall call : calls) {
      if (!call.aggregator().supportsMerge()) {
        return false;
      }
    }
    return true;
  }

  /** Folds {@code other} into {@code acc}, both accumulators of these aggregates ({@link RowAggregator#merge}). */
  public void merge(Row acc, Row other) {
    acc.setField(0, rowCount(acc) + rowCount(other));
    for (int i = 0; i < calls.length; i++) {
      calls[i].aggregator().merge(acc, other, offsets[i]);
    }
  }

  /** The aggregates' values, appended to {@code out} from position {@code at}. */
  public void values(Row acc, Object[] out, int at) {
    for (int i = 0; i < calls.length; i++) {
      out[at + i] = calls[i].aggregator().getValue(acc, offsets[i]);
    }
  }
}
