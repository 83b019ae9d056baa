package io.eddy.nexmark.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.types.Row;
import io.eddy.nexmark.generator.NexmarkConfig;
import io.eddy.nexmark.generator.NexmarkGenerator;
import io.eddy.nexmark.model.Event;
import io.eddy.table.types.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Event rows of the nexmark table, whole and projected to columns and nested fields. */
class EventRowsTest {
  private static final LogicalType NEXMARK = nexmarkRowType();

  private static LogicalType nexmarkRowType() {
    io.eddy.sql.TableEnvironment env = io.eddy.sql.TableEnvironment.create(new io.eddy.api.config.Configuration());
    new io.eddy.sql.ScriptRunner(env, new java.io.PrintStream(new java.io.ByteArrayOutputStream()))
        .run(NexmarkSql.resource("ddl.sql").replace("${EVENTS}", "/nonexistent/events.jsonl"));
    return env.catalog().table("nexmark").physicalRowType();
  }

  private static List<Event> events() {
    NexmarkGenerator generator = new NexmarkGenerator(NexmarkConfig.builder().build());
    List<Event> events = new ArrayList<>();
    generator.events(0, 500).forEachRemaining(events::add);
    return events;
  }

  @Test
  void aProjectionReadsWhatTheWholeRowHoldsAtEachPath() {
    EventRows whole = new EventRows(NEXMARK);
    List<int[]> paths = new ArrayList<>();
    for (int c = 0; c < NEXMARK.fieldCount(); c++) {
      paths.add(new int[] {c});
      for (int f = 0; f < (c == 0 ? 0 : NEXMARK.field(c).fieldCount()); f++) {
        paths.add(new int[] {c, f});
      }
    }
    java.util.Collections.reverse(paths); // any order
    EventRows projected = new EventRows(NEXMARK, paths.toArray(int[][]::new));
    int kinds = 0;
    for (Event e : events()) {
      Row full = whole.toRow(e);
      Row flat = projected.toRow(e);
      assertThat(flat.getArity()).isEqualTo(paths.size());
      for (int i = 0; i < paths.size(); i++) {
        int[] path = paths.get(i);
        Object expected = full.getField(path[0]);
        if (path.length == 2) {
          expected = expected == null ? null : ((Row) expected).getField(path[1]);
        }
        assertThat(flat.getField(i)).as("event %s path %s", e, java.util.Arrays.toString(path)).isEqualTo(expected);
      }
      kinds |= 1 << e.eventType();
    }
    assertThat(kinds).isEqualTo(0b111);
  }

  @Test
  void wholeRowsHoldTheEventsFields() {
    Row bid = new EventRows(NEXMARK).toRow(events().stream().filter(e -> e.eventType() == 2).findFirst().orElseThrow());
    assertThat(bid.getField(0)).isEqualTo(2);
    assertThat(bid.getField(1)).isNull();
    assertThat(bid.getField(2)).isNull();
    Row nested = (Row) bid.getField(3);
    io.eddy.nexmark.model.Bid b = (io.eddy.nexmark.model.Bid) events().stream().filter(e -> e.eventType() == 2)
        .findFirst().orElseThrow();
    assertThat(nested).isEqualTo(Row.of(b.auction(), b.bidder(), b.price(), b.channel(), b.url(),
        io.eddy.nexmark.oracle.SqlFunctions.timestamp(b.dateTime()), b.extra()));
  }

  @Test
  void pathsTheEventsDoNotHaveAreNamed() {
    assertThatThrownBy(() -> new EventRows(NEXMARK, new int[][] {{0, 1}})).hasMessageContaining("event_type has no fields");
    assertThatThrownBy(() -> new EventRows(NEXMARK, new int[][] {{3, 1, 2}})).hasMessageContaining("cannot read the path");
  }
}
