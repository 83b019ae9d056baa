package io.eddy.sql.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * The upsert keys of a node's output (Flink's FlinkRelMdUpsertKeys): sets of output fields each
 * of which identifies a row across its updates, all changes of one key arriving in order from
 * one subtask. A node may have several (a join of two keyed inputs, a window aggregation) or none
 * ({@link #NONE}: rows without a key, such as an insert-only source's); an empty key means at most
 * one row (a global aggregation). Each key's fields are sorted; the keys keep the order they were
 * derived in, so choices between them are deterministic. Immutable.
 */
public final class UpsertKeys {
  public static final UpsertKeys NONE = new UpsertKeys(List.of());

  private final List<int[]> keys;

  private UpsertKeys(List<int[]> keys) {
    this.keys = keys;
  }

  public static UpsertKeys of(int[]... keys) {
    return of(Arrays.asList(keys));
  }

  /** The distinct keys of {@code keys}, each sorted. */
  public static UpsertKeys of(List<int[]> keys) {
    List<int[]> distinct = new ArrayList<>();
    for (int[] key : keys) {
      int[] sorted = Arrays.stream(key).distinct().sorted().toArray();
      if (distinct.stream().noneMatch(k -> Arrays.equals(k, sorted))) {
        distinct.add(sorted);
      }
    }
    return distinct.isEmpty() ? NONE : new UpsertKeys(List.copyOf(distinct));
  }

  /** The key of the first {@code n} fields (the grouping fields of an aggregation's output). */
  public static UpsertKeys firstFields(int n) {
    return of(range(0, n));
  }

  /**
   * A window aggregation's keys (Flink's getUniqueKeysOnWindowAgg): its grouping fields, the first
   * {@code grouping} of {@code fieldCount}, with any one of the window properties that end the row
   * ({@code window_start}, {@code window_end}, {@code window_time}); {@code window_start} only if
   * no two windows of a key start together ({@code startsDiffer}; cumulating windows do).
   */
  public static UpsertKeys windowAggregate(int grouping, int fieldCount, boolean startsDiffer) {
    List<int[]> keys = new ArrayList<>();
    for (int property = fieldCount - (startsDiffer ? 3 : 2); property < fieldCount; property++) {
      int[] key = Arrays.copyOf(range(0, grouping), grouping + 1);
      key[grouping] = property;
      keys.add(key);
    }
    return of(keys);
  }

  public boolean isEmpty() {
    return keys.isEmpty();
  }

  /** The keys, each a sorted array of field indices (copies). */
  public List<int[]> keys() {
    return keys.stream().map(int[]::clone).toList();
  }

  /** The smallest key (the first of the smallest: Flink's UpsertKeyUtil.getSmallestKey), or null if none. */
  public int[] smallest() {
    int[] smallest = null;
    for (int[] key : keys) {
      if (smallest == null || key.length < smallest.length) {
        smallest = key;
      }
    }
    return smallest == null ? null : smallest.clone();
  }

  /**
   * The keys that contain every field of {@code distribution} (Flink's filterKeys): the ones that
   * stay upsert keys when rows are shuffled by those fields.
   */
  public UpsertKeys containing(int[] distribution) {
    return filter(key -> isSubset(distribution, key));
  }

  /** The keys whose fields are all among {@code fields}. */
  public UpsertKeys within(int[] fields) {
    return filter(key -> isSubset(key, fields));
  }

  /** Whether some key's fields are all among {@code fields} (Flink's isSideUnique). */
  public boolean anyWithin(int[] fields) {
    return !within(fields).isEmpty();
  }

  /** Whether some key has exactly the fields {@code fields}. */
  public boolean anyEqualTo(int[] fields) {
    int[] sorted = Arrays.stream(fields).distinct().sorted().toArray();
    return keys.stream().anyMatch(k -> Arrays.equals(k, sorted));
  }

  /**
   * The keys through a projection: {@code forwarded[i]} is the input field output field i copies
   * unchanged, or -1; a key with a field not copied is lost, a field copied twice keeps its first
   * copy.
   */
  public UpsertKeys project(int[] forwarded) {
    List<int[]> out = new ArrayList<>();
    for (int[] key : keys) {
      int[] mapped = new int[key.length];
      for (int k = 0; k < key.length && mapped != null; k++) {
        int to = indexOf(forwarded, key[k]);
        if (to < 0) {
          mapped = null;
        } else {
          mapped[k] = to;
        }
      }
      if (mapped != null) {
        out.add(mapped);
      }
    }
    return of(out);
  }

  /** The keys with every field moved by {@code offset} (the right input's keys in a join's output). */
  public UpsertKeys shift(int offset) {
    return of(keys.stream().map(k -> Arrays.stream(k).map(f -> f + offset).toArray()).toList());
  }

  /** These keys followed by {@code other}'s. */
  public UpsertKeys and(UpsertKeys other) {
    List<int[]> all = new ArrayList<>(keys);
    all.addAll(other.keys);
    return of(all);
  }

  /** Every key of this with every key of {@code other}, united (the keys of a join's output pairs). */
  public UpsertKeys unitedWith(UpsertKeys other) {
    List<int[]> out = new ArrayList<>();
    for (int[] a : keys) {
      for (int[] b : other.keys) {
        int[] united = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, united, a.length, b.length);
        out.add(united);
      }
    }
    return of(out);
  }

  /** The keys by name as Flink's plans show them: {@code [a, b], [c]}. */
  public String describe(IntFunction<String> name) {
    return keys.stream().map(k -> Arrays.stream(k).mapToObj(name).collect(Collectors.joining(", ", "[", "]")))
        .collect(Collectors.joining(", "));
  }

  private UpsertKeys filter(java.util.function.Predicate<int[]> keep) {
    return of(keys.stream().filter(keep).toList());
  }

  private static boolean isSubset(int[] fields, int[] of) {
    return Arrays.stream(fields).allMatch(f -> indexOf(of, f) >= 0);
  }

  private static int indexOf(int[] fields, int field) {
    for (int i = 0; i < fields.length; i++) {
      if (fields[i] == field) {
        return i;
      }
    }
    return -1;
  }

  private static int[] range(int from, int to) {
    int[] fields = new int[to - from];
    Arrays.setAll(fields, i -> from + i);
    return fields;
  }

  @Override
  public String toString() {
    return describe(Integer::toString);
  }
}
