package io.eddy.table.runtime.operators.join;

import io.eddy.api.functions.ReadOnlyRecords;
import static io.eddy.table.runtime.operators.join.JoinedRows.concat;

import io.eddy.api.functions.Collector;
import io.eddy.api.functions.KeyedCoProcessFunction;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.state.MapState;
import io.eddy.api.state.MapStateDescriptor;
import io.eddy.api.state.ValueState;
import io.eddy.api.state.ValueStateDescriptor;
import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import io.eddy.api.types.TypeSerializers;
import io.eddy.table.runtime.RowExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Event-time interval join of two insert-only streams keyed by the equi-join key (Flink's
 * RowTimeIntervalJoin): a left row at time {@code l} joins the right rows at time {@code r} with
 * {@code r + leftLowerBound <= l <= r + leftUpperBound} that satisfy the residual condition (over
 * the concatenated row; null for none). Inner, left, right or full outer.
 *
 * <p>The algorithm is Flink's, so results agree also for late rows: each side caches its rows by
 * time (map state, time -> rows with a flag "joined at least once") while the other side's
 * watermark may still bring partners; a row arriving joins the other side's cache, and is cached
 * only if the watermark has not passed its upper bound yet (otherwise, when its side is outer and
 * nothing matched, its NULL-padded row goes out at once). Cached rows expire through an event
 * timer per key and side at {@code time + relativeSize + 1}; an outer side's expiring rows that
 * never joined go out padded. A row also sweeps the expired rows of the other side's cache when
 * it joins it. The operator time is the combined watermark (0 before the first one), and the
 * points up to which each cache was last swept are fields of the operator, not of the key, as
 * Flink has them (they start at 0 after a restore). Output is insert-only; the output watermark
 * must be held back by {@link #maxOutputDelay()} (padded rows are emitted late).
 *
 * <p>A negative window ({@code leftUpperBound < leftLowerBound}) matches nothing: no state, the
 * outer sides' rows are padded at once (Flink plans that case as a union of padded inputs).
 */
public final class RowTimeIntervalJoin extends KeyedCoProcessFunction<Row, Row, Row, Row> implements ReadOnlyRecords {
  private static final long serialVersionUID = 1L;

  /** A cached row and whether it joined at least once (an outer row that never did is padded on expiry). */
  record CachedRow(Row row, boolean joined) {}

  private final JoinType type;
  private final long leftRelativeSize;
  private final long rightRelativeSize;
  private final int leftTimeField;
  private final int rightTimeField;
  private final RowExpression residual;
  private final JoinedRows rows;

  private transient MapState<Long, List<CachedRow>> leftCache;
  private transient MapState<Long, List<CachedRow>> rightCache;
  /** The pending cleanup timer of each cache, null when none. */
  private transient ValueState<Long> leftCleanupTimer;
  private transient ValueState<Long> rightCleanupTimer;
  private transient long leftExpirationTime;
  private transient long rightExpirationTime;

  /**
   * Rows join when {@code left.time BETWEEN right.time + leftLowerBound AND right.time +
   * leftUpperBound} (milliseconds); the time fields are TIMESTAMP or TIMESTAMP_LTZ columns.
   */
  public RowTimeIntervalJoin(JoinType type, long leftLowerBound, long leftUpperBound, int leftTimeField,
      int rightTimeField, int leftArity, int rightArity, RowExpression residual) {
    if (type.leftRowsOnly()) {
      throw new IllegalArgumentException(type.flinkName() + " is not a kind of this join");
    }
    this.type = type;
    this.leftRelativeSize = -leftLowerBound;
    this.rightRelativeSize = leftUpperBound;
    this.leftTimeField = leftTimeField;
    this.rightTimeField = rightTimeField;
    this.residual = residual;
    this.rows = new JoinedRows(leftArity, rightArity);
  }

  /** How far behind the input watermark rows may be emitted: the output watermark's delay. */
  public long maxOutputDelay() {
    return negativeWindow() ? 0 : Math.max(leftRelativeSize, rightRelativeSize);
  }

  private boolean negativeWindow() {
    return leftRelativeSize + rightRelativeSize < 0;
  }

  @Override
  public void open(OpenContext openContext) {
    leftCache = getRuntimeContext().getMapState(cacheDescriptor("IntervalJoinLeftCache"));
    rightCache = getRuntimeContext().getMapState(cacheDescriptor("IntervalJoinRightCache"));
    leftCleanupTimer = getRuntimeContext().getState(
        new ValueStateDescriptor<>("IntervalJoinLeftCleanupTimer", TypeSerializers.<Long>generic()));
    rightCleanupTimer = getRuntimeContext().getState(
        new ValueStateDescriptor<>("IntervalJoinRightCleanupTimer", TypeSerializers.<Long>generic()));
  }

  private static MapStateDescriptor<Long, List<CachedRow>> cacheDescriptor(String name) {
    return new MapStateDescriptor<>(name, TypeSerializers.<Long>generic(), TypeSerializers.<List<CachedRow>>generic());
  }

  @Override
  public void processElement1(Row row, Context ctx, Collector<Row> out) throws Exception {
    process(row, true, ctx, out);
  }

  @Override
  public void processElement2(Row row, Context ctx, Collector<Row> out) throws Exception {
    process(row, false, ctx, out);
  }

  private void process(Row row, boolean isLeft, Context ctx, Collector<Row> out) throws Exception {
    Row stored = Row.copyWithKind(row, RowKind.INSERT);
    boolean ownOuter = isLeft ? type.isLeftOuter() : type.isRightOuter();
    if (negativeWindow()) {
      if (ownOuter) {
        out.collect(rows.padded(RowKind.INSERT, stored, isLeft));
      }
      return;
    }
    long operatorTime = operatorTime(ctx.timerService().currentWatermark());
    long time = RowTimes.millis(stored, isLeft ? leftTimeField : rightTimeField, "Interval join");
    // The other side's rows at times in [lower, upper] are partners of this row.
    long lower = time - (isLeft ? rightRelativeSize : leftRelativeSize);
    long upper = time + (isLeft ? leftRelativeSize : rightRelativeSize);
    boolean joined = false;
    if ((isLeft ? rightExpirationTime : leftExpirationTime) < upper) {
      long expiration = expirationTime(operatorTime, isLeft ? rightRelativeSize : leftRelativeSize);
      if (isLeft) {
        rightExpirationTime = expiration;
      } else {
        leftExpirationTime = expiration;
      }
      joined = joinCache(stored, isLeft, lower, upper, expiration, out);
    }
    if (operatorTime < upper) {
      MapState<Long, List<CachedRow>> own = isLeft ? leftCache : rightCache;
      List<CachedRow> atTime = own.get(time);
      List<CachedRow> updated = atTime == null ? new ArrayList<>(1) : new ArrayList<>(atTime);
      updated.add(new CachedRow(stored, joined));
      own.put(time, updated);
      ValueState<Long> timer = isLeft ? leftCleanupTimer : rightCleanupTimer;
      if (timer.value() == null) {
        registerCleanup(ctx, time, isLeft);
      }
    } else if (!joined && ownOuter) {
      out.collect(rows.padded(RowKind.INSERT, stored, isLeft));
    }
  }

  /**
   * Joins {@code row} with the other side's cached rows in [lower, upper], marking those that
   * joined for the first time (outer side), and removes the rows at or before {@code expiration}
   * (padding those of an outer side that never joined). Returns whether {@code row} joined.
   */
  private boolean joinCache(Row row, boolean isLeft, long lower, long upper, long expiration, Collector<Row> out)
      throws Exception {
    MapState<Long, List<CachedRow>> other = isLeft ? rightCache : leftCache;
    boolean otherOuter = isLeft ? type.isRightOuter() : type.isLeftOuter();
    boolean joined = false;
    List<Long> expired = new ArrayList<>();
    List<Map.Entry<Long, List<CachedRow>>> marked = new ArrayList<>();
    for (Map.Entry<Long, List<CachedRow>> entry : other.entries()) {
      long otherTime = entry.getKey();
      List<CachedRow> cached = entry.getValue();
      if (otherTime >= lower && otherTime <= upper) {
        List<CachedRow> updated = new ArrayList<>(cached.size());
        boolean changed = false;
        for (CachedRow c : cached) {
          Row candidate = isLeft ? concat(RowKind.INSERT, row, c.row()) : concat(RowKind.INSERT, c.row(), row);
          boolean match = residual == null || Boolean.TRUE.equals(residual.eval(candidate));
          if (match) {
            out.collect(candidate);
            joined = true;
          }
          boolean nowJoined = c.joined() || (match && otherOuter);
          changed |= nowJoined != c.joined();
          updated.add(nowJoined ? new CachedRow(c.row(), true) : c);
        }
        cached = updated;
        if (changed) {
          marked.add(Map.entry(otherTime, updated));
        }
      }
      if (otherTime <= expiration) {
        padUnjoined(cached, !isLeft, otherOuter, out);
        expired.add(otherTime);
      }
    }
    for (Map.Entry<Long, List<CachedRow>> m : marked) {
      if (m.getKey() > expiration) {
        other.put(m.getKey(), m.getValue());
      }
    }
    for (long t : expired) {
      other.remove(t);
    }
    return joined;
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
    long operatorTime = operatorTime(ctx.timerService().currentWatermark());
    Long rightTimer = rightCleanupTimer.value();
    if (rightTimer != null && timestamp == rightTimer) {
      rightExpirationTime = expirationTime(operatorTime, rightRelativeSize);
      removeExpired(false, rightExpirationTime, ctx, out);
    }
    Long leftTimer = leftCleanupTimer.value();
    if (leftTimer != null && timestamp == leftTimer) {
      leftExpirationTime = expirationTime(operatorTime, leftRelativeSize);
      removeExpired(true, leftExpirationTime, ctx, out);
    }
  }

  /**
   * Removes the rows of one cache at or before {@code expiration} (padding an outer side's rows
   * that never joined) and sets a timer for the earliest row left, or clears the cache.
   */
  private void removeExpired(boolean left, long expiration, Context ctx, Collector<Row> out) throws Exception {
    MapState<Long, List<CachedRow>> cache = left ? leftCache : rightCache;
    boolean outer = left ? type.isLeftOuter() : type.isRightOuter();
    List<Long> expired = new ArrayList<>();
    long earliest = -1L;
    for (Map.Entry<Long, List<CachedRow>> entry : cache.entries()) {
      long time = entry.getKey();
      if (time <= expiration) {
        padUnjoined(entry.getValue(), left, outer, out);
        expired.add(time);
      } else if (time < earliest || earliest < 0) {
        earliest = time;
      }
    }
    for (long t : expired) {
      cache.remove(t);
    }
    // As Flink: a remaining row at a time <= 0 (1970-01-01 or before) sets no timer, the cache is dropped.
    if (earliest > 0) {
      registerCleanup(ctx, earliest, left);
    } else {
      (left ? leftCleanupTimer : rightCleanupTimer).clear();
      cache.clear();
    }
  }

  private void padUnjoined(List<CachedRow> cached, boolean left, boolean outer, Collector<Row> out) {
    if (!outer) {
      return;
    }
    for (CachedRow c : cached) {
      if (!c.joined()) {
        out.collect(rows.padded(RowKind.INSERT, c.row(), left));
      }
    }
  }

  /** A cached row at {@code time} of one side can join nothing once the watermark passes time + its relative size. */
  private void registerCleanup(Context ctx, long time, boolean left) throws Exception {
    long cleanupTime = time + (left ? leftRelativeSize : rightRelativeSize) + 1;
    ctx.timerService().registerEventTimeTimer(cleanupTime);
    (left ? leftCleanupTimer : rightCleanupTimer).update(cleanupTime);
  }

  private static long operatorTime(long watermark) {
    return watermark > 0 ? watermark : 0L;
  }

  private static long expirationTime(long operatorTime, long relativeSize) {
    return operatorTime < Long.MAX_VALUE ? operatorTime - relativeSize - 1 : Long.MAX_VALUE;
  }
}
