package io.eddy.sql.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.config.Configuration;
import io.eddy.sql.TableEnvironment;
import io.eddy.sql.catalog.CatalogTable;
import io.eddy.sql.parser.Position;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rex.RexNode;
import org.junit.jupiter.api.Test;

/** Which watermark expressions, as the planner produces them, are a bounded delay of the rowtime (field 1). */
class WatermarkDelayTest {
  private final TableEnvironment env = TableEnvironment.create(new Configuration());

  private Long delayOf(String expression) {
    env.executeSql("CREATE TEMPORARY TABLE t (k STRING, ts TIMESTAMP(3), ltz TIMESTAMP_LTZ(3))"
        + " WITH ('connector' = 'datagen')");
    CatalogTable table = env.catalog().table("t");
    SqlPlanner planner = new SqlPlanner(env.catalog());
    RelRoot root = planner.planOver(table, table.rowType(), "(" + expression + ")", Position.START);
    RexNode node = PhysicalPlanner.projections(root.rel).get(0);
    env.executeSql("DROP TEMPORARY TABLE t");
    return WatermarkDelay.of(node, 1);
  }

  @Test
  void rowtimeLessAnIntervalIsADelay() {
    assertThat(delayOf("ts - INTERVAL '4' SECOND")).isEqualTo(4_000L);
    assertThat(delayOf("ts - INTERVAL '1' MINUTE")).isEqualTo(60_000L);
    assertThat(delayOf("ts - INTERVAL '0.005' SECOND")).isEqualTo(5L);
    assertThat(delayOf("ts")).isZero();
  }

  @Test
  void otherExpressionsAreEvaluated() {
    assertThat(delayOf("ts + INTERVAL '4' SECOND")).isNull();
    assertThat(delayOf("ts - INTERVAL '1' SECOND - INTERVAL '1' SECOND")).isNull();
    assertThat(delayOf("TIMESTAMPADD(SECOND, -2, ts)")).isNull();
    assertThat(delayOf("CAST(ltz AS TIMESTAMP(3))")).isNull();
  }
}
