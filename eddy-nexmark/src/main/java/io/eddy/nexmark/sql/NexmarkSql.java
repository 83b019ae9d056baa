package io.eddy.nexmark.sql;

import io.eddy.api.config.Configuration;
import io.eddy.api.datastream.DataStream;
import io.eddy.api.functions.MapFunction;
import io.eddy.api.functions.ReadOnlyRecords;
import io.eddy.api.types.Row;
import io.eddy.nexmark.model.Event;
import io.eddy.nexmark.oracle.SideInput;
import io.eddy.nexmark.queries.QueryContext;
import io.eddy.nexmark.queries.Change;
import io.eddy.nexmark.result.RowKind;
import io.eddy.sql.TableConfigOptions;
import io.eddy.sql.TableEnvironment;
import io.eddy.sql.parser.ScriptSplitter;
import io.eddy.sql.parser.Statement;
import io.eddy.sql.parser.StatementParser;
import io.eddy.table.runtime.ChangelogMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Nexmark query run as its SQL text ({@code io/eddy/nexmark/sql/ddl.sql} then {@code qN.sql},
 * as Flink runs them), on the event stream the DataStream version reads: the {@code nexmark}
 * table is fed that stream ({@link EventRowSource}) instead of its file, so both versions see the same
 * events, paced and counted alike, and the changelog of the script's last SELECT becomes the
 * query's {@link Change}s in the same job. Where the changes are discarded (a throughput run) the
 * query is planned as for Flink's {@code blackhole} sink, an upsert sink: no -U rows where an
 * operator can omit them. Where they are collected they are -U/+U pairs, which the result's
 * multiset fold ({@link io.eddy.nexmark.result.ChangelogApplier}) needs.
 *
 * <p>q13's {@code side_input(key BIGINT, value VARCHAR)} is a table fed the DataStream version's
 * side input (the standard rows or {@code --side-input}'s file). q12's {@code bid} view has the
 * processing-time attribute {@code p_time}, and its processing-time windows
 * still open when the input ends fire then ({@code table.exec.window.proctime.fire-at-end-of-input};
 * Flink drops them), as the DataStream q12's trigger does, so that every bid is counted.
 */
public final class NexmarkSql {
  /** The result's kind of each row kind, by ordinal (looked up per change). */
  private static final RowKind[] KINDS = java.util.Arrays.stream(io.eddy.api.types.RowKind.values())
      .map(k -> RowKind.valueOf(k.name())).toArray(RowKind[]::new);

  private NexmarkSql() {}

  private static final String SIDE_INPUT_DDL = "CREATE TEMPORARY TABLE side_input (key BIGINT, `value` VARCHAR) "
      + "WITH ('connector' = 'filesystem', 'path' = 'fed-by-eddy-nexmark.csv', 'format' = 'csv')";

  /**
   * The changelog of query {@code name}'s SQL over {@code events}; {@code upsert} to omit -U rows
   * where the plan can; {@code context} holds q13's side input file.
   */
  public static DataStream<Change> changes(String name, DataStream<Event> events, Configuration conf, boolean upsert,
      QueryContext context) {
    Configuration settings = conf.copy();
    if (name.equals("q12")) {
      settings.set(TableConfigOptions.PROCTIME_WINDOWS_FIRE_AT_END, true);
    }
    TableEnvironment tEnv = TableEnvironment.create(settings);
    String ddl = resource("ddl.sql").replace("${EVENTS}", "fed-by-eddy-nexmark.jsonl");
    run(tEnv, name.equals("q12") ? withProcessingTime(ddl) : ddl);
    tEnv.catalog().feed("nexmark", new EventRowSource((env, source) -> events,
        tEnv.catalog().table("nexmark").physicalRowType()));
    run(tEnv, SIDE_INPUT_DDL);
    tEnv.catalog().feed("side_input", (env, source) -> env.fromCollection(sideInputRows(context)).name(source));
    List<ScriptSplitter.StatementText> statements = ScriptSplitter.split(resource(name + ".sql"));
    for (int i = 0; i < statements.size() - 1; i++) {
      tEnv.execute(StatementParser.parse(statements.get(i).sql(), statements.get(i).start()));
    }
    String query = statements.get(statements.size() - 1).sql();
    return tEnv.toChangelogStream(events.getExecutionEnvironment(), query,
        upsert ? ChangelogMode.upsert() : ChangelogMode.all()).map(new ToChange())
        .name("changelog " + name);
  }

  /**
   * The DDL with q12's processing-time attribute: {@code p_time AS PROCTIME()} in the table and
   * selected by the {@code bid} view, as Flink's harness declares it for q12 alone (other queries
   * neither pay for the clock reads nor see the column in a {@code SELECT *}).
   */
  static String withProcessingTime(String ddl) {
    String table = "    WATERMARK FOR `dateTime`";
    String view = "bid.extra\n    FROM nexmark WHERE event_type = 2";
    if (!ddl.contains(table) || !ddl.contains(view)) {
      throw new IllegalStateException("ddl.sql changed: cannot add q12's p_time to the nexmark table and bid view");
    }
    return ddl.replace(table, "    p_time AS PROCTIME(),\n" + table).replace(view, "bid.extra, p_time\n    FROM nexmark WHERE event_type = 2");
  }

  private static List<Row> sideInputRows(QueryContext context) {
    SideInput sideInput;
    try {
      sideInput = context.sideInputFile() == null ? SideInput.standard() : SideInput.readCsv(Path.of(context.sideInputFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Row> rows = new ArrayList<>();
    sideInput.forEachRow((key, value) -> rows.add(Row.of(key, value)));
    return rows;
  }

  /**
   * A changelog row as the query's {@link Change}. Never changes a row it reads or a change it
   * made ({@link ReadOnlyRecords}), so the query's rows reach it without copies.
   */
  private static final class ToChange implements MapFunction<Row, Change>, ReadOnlyRecords {
    private static final long serialVersionUID = 1L;

    @Override
    public Change map(Row row) {
      Object[] values = new Object[row.getArity()];
      for (int i = 0; i < values.length; i++) {
        values[i] = row.getField(i);
      }
      return new Change(KINDS[row.getKind().ordinal()], io.eddy.nexmark.result.Row.ofOwned(values));
    }
  }

  private static void run(TableEnvironment tEnv, String script) {
    for (ScriptSplitter.StatementText text : ScriptSplitter.split(script)) {
      Statement statement = StatementParser.parse(text.sql(), text.start());
      tEnv.execute(statement);
    }
  }

  /** The SQL text of the repository's copy of Nexmark's query or DDL. */
  public static String resource(String file) {
    try (InputStream in = NexmarkSql.class.getResourceAsStream("/io/eddy/nexmark/sql/" + file)) {
      if (in == null) {
        throw new IllegalArgumentException("no SQL text for " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
