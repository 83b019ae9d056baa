package io.eddy.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.config.Configuration;
import io.eddy.api.datastream.CloseableIterator;
import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import io.eddy.sql.connector.TableSource;
import io.eddy.table.runtime.ChangelogMode;
import io.eddy.sql.connector.jdbc.DerbyDatabase;
import io.eddy.sql.result.CsvResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lookup joins in SQL against a jdbc table in an embedded Derby database: how they are planned
 * (EXPLAIN), the rows they give for inner and left joins, constant keys and extra conditions
 * (worked out by hand from the tables below), and Flink's errors for what cannot be looked up.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LookupJoinSqlTest {
  @TempDir
  Path dir;

  private DerbyDatabase db;

  @BeforeEach
  void tables() throws Exception {
    db = new DerbyDatabase();
    db.execute("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(20), country VARCHAR(2), tier INT,"
            + " balance DECIMAL(10, 2))",
        "INSERT INTO customers VALUES (1, 'Ann', 'NL', 1, 10.50), (2, 'Bob', 'DE', 2, 0.00), (3, 'Cy', 'NL', 3, NULL)");
    // o_id, cid, amount: customer 4 does not exist, order 14 has no customer
    Files.write(dir.resolve("orders.csv"), List.of("10,1,5", "11,2,7", "12,4,1", "13,3,9", "14,,2"));
  }

  @AfterEach
  void drop() {
    db.close();
  }

  private String ddl(String extraOptions) {
    return "CREATE TABLE orders (o_id BIGINT, cid INT, amount INT, pt AS PROCTIME()) WITH ('connector' = 'filesystem',"
        + " 'path' = '" + dir.resolve("orders.csv") + "', 'format' = 'csv');\n"
        + "CREATE TABLE customers (id INT, name STRING, country STRING, tier INT, balance DECIMAL(10, 2),"
        + " PRIMARY KEY (id) NOT ENFORCED) WITH ('connector' = 'jdbc', 'url' = '" + db.url() + "',"
        + " 'table-name' = 'customers'" + extraOptions + ");\n";
  }

  private List<String> run(String query) {
    return run("", query);
  }

  private List<String> run(String extraOptions, String query) {
    ScriptRunner.Result result = new ScriptRunner(TableEnvironment.create(new Configuration()),
        new PrintStream(new ByteArrayOutputStream())).run(ddl(extraOptions) + query);
    return CsvResult.lines(result.columns(), result.rows());
  }

  private TableEnvironment env() {
    TableEnvironment env = TableEnvironment.create(new Configuration());
    for (String statement : ddl("").split(";\n")) {
      env.executeSql(statement);
    }
    return env;
  }

  @Test
  void explainShowsALookupJoinOnTheProbeSideWithItsChangelogMode() {
    String plan = env().explainSql("SELECT o_id, name FROM orders AS o JOIN customers FOR SYSTEM_TIME AS OF o.pt"
        + " AS c ON o.cid = c.id");
    assertThat(plan).contains("LookupJoin(table=[default_catalog.default_database.customers], joinType=[InnerJoin],"
        + " lookup=[id=cid], select=[o_id, cid, amount, pt, id, name, country, tier, balance], changelogMode=[I])")
        .doesNotContain("TemporalJoin").doesNotContain("TableSourceScan(table=[customers]");
  }

  @Test
  void innerJoinDropsMissesAndNullKeys() {
    assertThat(run("SELECT o_id, name, country FROM orders AS o JOIN customers FOR SYSTEM_TIME AS OF o.pt AS c"
        + " ON o.cid = c.id"))
        .containsExactly("o_id,name,country", "10,Ann,NL", "11,Bob,DE", "13,Cy,NL");
  }

  @Test
  void leftJoinPadsMissesWithNulls() {
    assertThat(run("SELECT o_id, name, balance FROM orders AS o LEFT JOIN customers FOR SYSTEM_TIME AS OF o.pt AS c"
        + " ON o.cid = c.id"))
        .containsExactly("o_id,name,balance", "10,Ann,10.50", "11,Bob,0.00", "12,,", "13,Cy,", "14,,");
  }

  @Test
  void constantKeyIsPartOfTheLookup() {
    String query = "SELECT o_id, name FROM orders AS o LEFT JOIN customers FOR SYSTEM_TIME AS OF o.pt AS c"
        + " ON o.cid = c.id AND c.country = 'NL'";
    assertThat(env().explainSql(query)).contains("lookup=[id=cid, country=");
    assertThat(run(query)).containsExactly("o_id,name", "10,Ann", "11,", "12,", "13,Cy", "14,");
  }

  @Test
  void nonEquiConditionIsCheckedOnTheJoinedRow() {
    String query = "SELECT o_id, name FROM orders AS o JOIN customers FOR SYSTEM_TIME AS OF o.pt AS c"
        + " ON o.cid = c.id AND o.amount > c.tier * 3";
    assertThat(env().explainSql(query)).contains("lookup=[id=cid], joinCondition=[>(amount, *(tier, 3))]");
    assertThat(run(query)).containsExactly("o_id,name", "10,Ann", "11,Bob");
  }

  @Test
  void partialCacheGivesTheSameRows() {
    assertThat(run(", 'lookup.cache' = 'PARTIAL', 'lookup.partial-cache.max-rows' = '2',"
        + " 'lookup.partial-cache.expire-after-write' = '1 min'",
        "SELECT o_id, name FROM orders AS o LEFT JOIN customers FOR SYSTEM_TIME AS OF o.pt AS c ON o.cid = c.id"))
        .containsExactly("o_id,name", "10,Ann", "11,Bob", "12,", "13,Cy", "14,");
  }

  /** An updating probe side (a changelog fed to orders): each change keeps its kind through the join. */
  @Test
  void anUpdatingProbeSidePassesItsKindsThrough() throws Exception {
    TableEnvironment tables = env();
    tables.catalog().feed("orders", new TableSource() {
      @Override
      public DataStream<Row> produce(StreamEnvironment env, String name) {
        return env.fromData(Row.ofKind(RowKind.INSERT, 10L, 1, 5), Row.ofKind(RowKind.UPDATE_BEFORE, 10L, 1, 5),
            Row.ofKind(RowKind.UPDATE_AFTER, 10L, 2, 6), Row.ofKind(RowKind.INSERT, 11L, 4, 1),
            Row.ofKind(RowKind.DELETE, 10L, 2, 6));
      }

      @Override
      public ChangelogMode changelogMode() {
        return ChangelogMode.all();
      }
    });
    String query = "SELECT o_id, name FROM orders AS o LEFT JOIN customers FOR SYSTEM_TIME AS OF o.pt AS c"
        + " ON o.cid = c.id";
    assertThat(tables.explainSql(query)).contains("joinType=[LeftOuterJoin], lookup=[id=cid]")
        .contains("changelogMode=[I,UB,UA,D])");
    StreamEnvironment env = StreamEnvironment.create(new Configuration());
    env.setParallelism(1);
    List<String> out = new ArrayList<>();
    try (CloseableIterator<Row> rows = tables.toChangelogStream(env, query).executeAndCollect()) {
      rows.forEachRemaining(r -> out.add(r.toString()));
    }
    assertThat(out).containsExactly("+I[10, Ann]", "-U[10, Ann]", "+U[10, Bob]", "+I[11, null]", "-D[10, Bob]");
  }

  @Test
  void aTableThatCannotBeLookedUpIsRefusedAsInFlink() {
    TableEnvironment env = env();
    env.executeSql("CREATE TABLE files (id INT, name STRING) WITH ('connector' = 'filesystem', 'path' = '"
        + dir.resolve("x") + "', 'format' = 'csv')");
    assertThatThrownBy(() -> env.explainSql("SELECT * FROM orders AS o JOIN files FOR SYSTEM_TIME AS OF o.pt AS f"
        + " ON o.cid = f.id")).hasMessageContaining("Processing-time temporal join is not supported yet.");
  }

  @Test
  void aConditionWithoutKeyEqualityIsRefusedAsInFlink() {
    assertThatThrownBy(() -> env().explainSql("SELECT * FROM orders AS o JOIN customers FOR SYSTEM_TIME AS OF o.pt"
        + " AS c ON o.amount > c.tier")).hasMessageContaining("Temporal table join requires an equality condition on"
        + " fields of table [default_catalog.default_database.customers].");
  }

  @Test
  void keysOfDifferentTypesAreRefusedNamingBoth() {
    TableEnvironment env = env();
    env.executeSql("CREATE TABLE payments (p_id BIGINT, amount DECIMAL(12, 4), pt AS PROCTIME()) WITH ("
        + "'connector' = 'filesystem', 'path' = '" + dir.resolve("x") + "', 'format' = 'csv')");
    assertThatThrownBy(() -> env.explainSql("SELECT * FROM payments AS p JOIN customers FOR SYSTEM_TIME AS OF p.pt"
        + " AS c ON p.amount = c.balance")).hasMessageContaining("Temporal table join requires equivalent condition"
        + " of the same type, but the condition is amount[DECIMAL(12, 4)]=balance[DECIMAL(10, 2)]");
  }

  @Test
  void anUnknownKeyColumnIsAValidationError() {
    assertThatThrownBy(() -> env().explainSql("SELECT * FROM orders AS o JOIN customers FOR SYSTEM_TIME AS OF o.pt"
        + " AS c ON o.cid = c.nope")).hasMessageContaining("'nope'");
  }

  @Test
  void anUnreachableDatabaseNamesTheTableAndUrl() {
    String url = db.url() + "_missing";
    assertThatThrownBy(() -> new ScriptRunner(TableEnvironment.create(new Configuration()),
        new PrintStream(new ByteArrayOutputStream())).run(ddl("").replace(db.url(), url)
        + "SELECT o_id, name FROM orders AS o JOIN customers FOR SYSTEM_TIME AS OF o.pt AS c ON o.cid = c.id"))
        .satisfies(e -> assertThat(causes(e)).contains("Table customers: cannot connect to the database of table"
            + " 'customers' at " + url));
  }

  @Test
  void aMissingOptionOrAnUnknownOneIsNamed() {
    TableEnvironment env = TableEnvironment.create(new Configuration());
    assertThatThrownBy(() -> env.executeSql("CREATE TABLE t (id INT) WITH ('connector' = 'jdbc', 'url' = 'jdbc:x',"
        + " 'table-name' = 't', 'lookup.cache.max-rows' = '10')"))
        .hasMessageContaining("does not support the option 'lookup.cache.max-rows'");
  }

  private static String causes(Throwable e) {
    StringBuilder sb = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      sb.append(t.getMessage()).append('\n');
    }
    return sb.toString();
  }
}
