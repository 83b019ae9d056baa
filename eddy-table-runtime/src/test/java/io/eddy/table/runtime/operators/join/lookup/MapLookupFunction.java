package io.eddy.table.runtime.operators.join.lookup;

import io.eddy.api.types.Row;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A lookup table held in memory for operator tests: rows [k, v] looked up by column 0. The rows
 * live in a static registry under a name, so copies made by serialization read the same table;
 * {@link #lookups} counts the lookups that reached it.
 */
final class MapLookupFunction implements LookupFunction {
  private static final long serialVersionUID = 1L;
  private static final Map<String, List<Row>> TABLES = new ConcurrentHashMap<>();
  private static final Map<String, AtomicInteger> LOOKUPS = new ConcurrentHashMap<>();

  private final String name;

  MapLookupFunction(String name, List<Row> rows) {
    this.name = name;
    TABLES.put(name, List.copyOf(rows));
    LOOKUPS.put(name, new AtomicInteger());
  }

  int lookups() {
    return LOOKUPS.get(name).get();
  }

  @Override
  public void open() {}

  @Override
  public Collection<Row> lookup(Row key) {
    LOOKUPS.get(name).incrementAndGet();
    List<Row> out = new ArrayList<>();
    for (Row row : TABLES.get(name)) {
      if (Objects.equals(row.getField(0), key.getField(0))) {
        out.add(row);
      }
    }
    return out;
  }

  @Override
  public void close() {}
}
