package io.eddy.table.runtime.operators.join;

import io.eddy.api.functions.Collector;
import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import io.eddy.table.runtime.RowExpression;
import java.io.Serializable;
import java.util.List;

/**
 * Joins left rows with the versions of one key of a versioned table (Flink's
 * TemporalRowTimeJoinHelper): each left row with the version valid at its time, the one with the
 * latest time at or before it, unless that version is a deletion. Works on all left rows a
 * watermark released at once and the key's versions sorted by time, so it does not care whether
 * they came one record at a time or as a delta. Stateless.
 */
public final class TemporalJoinProcessor implements Serializable {
  private static final long serialVersionUID = 1L;

  private final boolean leftOuter;
  private final int leftTimeField;
  private final int rightTimeField;
  private final RowExpression residual;
  private final JoinedRows rows;

  /** {@code residual} is checked on the concatenated row, null for none. */
  public TemporalJoinProcessor(boolean leftOuter, int leftTimeField, int rightTimeField, int leftArity,
      int rightArity, RowExpression residual) {
    this.leftOuter = leftOuter;
    this.leftTimeField = leftTimeField;
    this.rightTimeField = rightTimeField;
    this.residual = residual;
    this.rows = new JoinedRows(leftArity, rightArity);
  }

  long leftTime(Row left) {
    return RowTimes.millis(left, leftTimeField, "Temporal join");
  }

  long rightTime(Row right) {
    return RowTimes.millis(right, rightTimeField, "Temporal join");
  }

  /**
   * Emits, for each of {@code lefts} in order, its row joined with its version (or padded with
   * NULLs in a left outer join when there is none or the condition fails); the output row has
   * the left row's kind. {@code versions} are sorted by time, one per time.
   */
  public void join(List<Row> lefts, List<Row> versions, Collector<Row> out) {
    for (Row left : lefts) {
      Row version = versionAt(versions, leftTime(left));
      if (version != null && !version.getKind().isRetract()) {
        Row joined = JoinedRows.concat(left.getKind(), left, version);
        if (residual == null || Boolean.TRUE.equals(residual.eval(joined))) {
          out.collect(joined);
          continue;
        }
      }
      if (leftOuter) {
        out.collect(rows.padded(left.getKind(), left, true));
      }
    }
  }

  /** The version with the latest time at or before {@code time}, or null. */
  private Row versionAt(List<Row> versions, long time) {
    int low = 0;
    int high = versions.size() - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      long midTime = rightTime(versions.get(mid));
      if (midTime < time) {
        low = mid + 1;
      } else if (midTime > time) {
        high = mid - 1;
      } else {
        return versions.get(mid);
      }
    }
    return low == 0 ? null : versions.get(low - 1);
  }

  /**
   * How many of the oldest {@code versions} no left row can join any more once the watermark is at
   * {@code watermark}: all before the latest version at or before it.
   */
  public int expiredVersions(List<Row> versions, long watermark) {
    for (int i = 0; i < versions.size(); i++) {
      if (rightTime(versions.get(i)) > watermark) {
        return Math.max(i - 1, 0);
      }
    }
    return Math.max(versions.size() - 1, 0);
  }
}
