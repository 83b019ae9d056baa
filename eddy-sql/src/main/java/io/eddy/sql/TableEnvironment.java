package io.eddy.sql;

import io.eddy.api.config.Configuration;
import io.eddy.api.config.Durations;
import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.types.Row;
import io.eddy.api.types.RowKind;
import io.eddy.sql.catalog.Catalog;
import io.eddy.sql.catalog.CatalogTable;
import io.eddy.sql.catalog.CatalogView;
import io.eddy.sql.catalog.Column;
import io.eddy.sql.connector.TableFactories;
import io.eddy.sql.module.FunctionModule;
import io.eddy.sql.parser.Position;
import io.eddy.sql.parser.SqlParseException;
import io.eddy.sql.parser.Statement;
import io.eddy.sql.parser.StatementParser;
import io.eddy.sql.plan.ChangelogPlan;
import io.eddy.sql.plan.PhysicalNode;
import io.eddy.sql.plan.PlanPrinter;
import io.eddy.sql.plan.SinkNode;
import io.eddy.sql.plan.TranslationContext;
import io.eddy.sql.plan.UpdateKind;
import io.eddy.sql.plan.UpsertMaterialize;
import io.eddy.sql.planner.PhysicalPlanner;
import io.eddy.sql.planner.SqlPlanner;
import io.eddy.sql.planner.TypeConversion;
import io.eddy.table.runtime.ChangelogMode;
import io.eddy.table.types.LogicalType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.TableModify;

/**
 * A SQL session (Flink's TableEnvironment): runs statements of Flink's dialect one at a time
 * against its catalog and settings. DDL changes the catalog; a query or INSERT is parsed and
 * validated by Calcite, planned into Eddy's physical changelog operators and run as a job on a
 * {@link StreamEnvironment} built from the session's configuration plus its SET options.
 * Not thread-safe.
 */
public final class TableEnvironment {
  private static final String STATE_TTL = "table.exec.state.ttl";

  private final Configuration base;
  private final Map<String, String> settings = new LinkedHashMap<>();
  private final Catalog catalog = new Catalog();
  private final SqlPlanner planner = new SqlPlanner(catalog);
  private final SessionClassLoader classLoader = new SessionClassLoader(TableEnvironment.class.getClassLoader());
  private final FunctionLoader functions = new FunctionLoader(classLoader);
  private final List<String> modules = new ArrayList<>();

  private TableEnvironment(Configuration base) {
    this.base = base;
    for (FunctionModule module : ServiceLoader.load(FunctionModule.class, TableEnvironment.class.getClassLoader())) {
      module.functions().forEach(catalog::addModuleFunction);
      modules.add(module.name());
    }
  }

  public static TableEnvironment create(Configuration configuration) {
    return new TableEnvironment(configuration.copy());
  }

  public Catalog catalog() {
    return catalog;
  }

  /** Runs one statement. */
  public TableResult executeSql(String statement) {
    return execute(StatementParser.parse(statement));
  }

  /** The physical plan of a query or INSERT, with each operator's changelog mode. */
  public String explainSql(String statement) {
    Statement parsed = StatementParser.parse(statement);
    return explain(parsed instanceof Statement.Explain e ? e.statement() : parsed);
  }

  /**
   * EXPLAIN: the plan as it would run, except that a bare query's result is taken as Flink's
   * EXPLAIN takes it, without -U rows where its operators can leave them out.
   */
  private String explain(Statement statement) {
    PhysicalNode plan = physicalPlan(statement);
    return PlanPrinter.explain(plan, ChangelogPlan.infer(plan, plan instanceof SinkNode sink ? sink.requiredUpdateKinds()
        : List.of(UpdateKind.ONLY_UPDATE_AFTER, UpdateKind.BEFORE_AND_AFTER)));
  }

  /** The changelog plan a plan runs with: a sink's requirements, or -U/+U pairs for a query's collected result. */
  private static ChangelogPlan changelog(PhysicalNode plan) {
    return ChangelogPlan.infer(plan, plan instanceof SinkNode sink ? sink.requiredUpdateKinds()
        : List.of(UpdateKind.BEFORE_AND_AFTER));
  }

  /** Runs one parsed statement (positions inside it are the script's). */
  public TableResult execute(Statement statement) {
    return switch (statement) {
      case Statement.CreateTable t -> {
        if (catalog.contains(t.name()) && t.ifNotExists()) {
          yield TableResult.ok();
        }
        catalog.addTable(resolve(t));
        yield TableResult.ok();
      }
      case Statement.CreateView v -> {
        if (catalog.contains(v.name()) && v.ifNotExists()) {
          yield TableResult.ok();
        }
        RelRoot root = planner.plan(v.query(), v.queryPosition());
        catalog.addView(new CatalogView(v.name(), v.query(), TypeConversion.toLogicalType(root.validatedRowType)));
        yield TableResult.ok();
      }
      case Statement.CreateFunction f -> {
        if (catalog.containsFunction(f.name()) && f.ifNotExists()) {
          yield TableResult.ok();
        }
        catalog.addFunction(f.name(), functions.load(f.className(), f.position()));
        yield TableResult.ok();
      }
      case Statement.Drop d -> {
        if (!catalog.drop(d.kind(), d.name()) && !d.ifExists()) {
          throw new IllegalArgumentException(d.kind().charAt(0) + d.kind().substring(1).toLowerCase() + " " + d.name()
              + " does not exist");
        }
        yield TableResult.ok();
      }
      case Statement.Set s -> {
        if (s.key() == null) {
          List<Row> rows = new ArrayList<>();
          settings.forEach((k, v) -> rows.add(Row.of(k, v)));
          yield TableResult.of(List.of("key", "value"), rows);
        }
        settings.put(s.key(), s.value());
        yield TableResult.ok();
      }
      case Statement.Reset r -> {
        if (r.key() == null) {
          settings.clear();
        } else {
          settings.remove(r.key());
        }
        yield TableResult.ok();
      }
      case Statement.Show s -> {
        List<String> names = switch (s.what()) {
          case "TABLES" -> {
            List<String> all = new ArrayList<>(catalog.tableNames());
            all.addAll(catalog.viewNames());
            yield all.stream().sorted().toList();
          }
          case "VIEWS" -> catalog.viewNames().stream().sorted().toList();
          case "JARS" -> classLoader.jars();
          case "MODULES" -> modules;
          default -> catalog.functionNames().stream().sorted().toList();
        };
        yield TableResult.of(List.of(s.what().toLowerCase().replaceAll("s$", "") + " name"),
            names.stream().map(Row::of).toList());
      }
      case Statement.AddJar j -> {
        java.nio.file.Path path = java.nio.file.Path.of(j.path().startsWith("file:") ? java.net.URI.create(j.path()).getPath() : j.path());
        if (!java.nio.file.Files.isRegularFile(path)) {
          throw new SqlParseException(j.position().line(), j.position().column(), "ADD JAR: no such file " + j.path());
        }
        try {
          classLoader.addJar(j.path(), path.toUri().toURL());
        } catch (java.net.MalformedURLException e) {
          throw new SqlParseException(j.position().line(), j.position().column(), "ADD JAR: bad path " + j.path());
        }
        yield TableResult.ok();
      }
      case Statement.Describe d -> describe(d);
      case Statement.Explain e -> TableResult.of(List.of("plan"), List.of(Row.of(explain(e.statement()))));
      case Statement.Query q -> withSessionClassLoader(() -> {
        PhysicalNode plan = physicalPlan(q);
        StreamEnvironment env = environment();
        DataStream<Row> rows = translation(env, changelog(plan)).streamOf(plan);
        return new TableResult(plan.rowType().fieldNames(), rows.executeAndCollect("SQL query"));
      });
      case Statement.Insert i -> withSessionClassLoader(() -> insert(i));
    };
  }

  /**
   * The changelog of a query as a stream of {@code env}'s job (Flink's
   * StreamTableEnvironment.toChangelogStream), for programs that run it with their own sinks:
   * updates as -U/+U pairs.
   */
  public DataStream<Row> toChangelogStream(StreamEnvironment env, String query) {
    return toChangelogStream(env, query, ChangelogMode.all());
  }

  /**
   * The changelog of a query in {@code mode} (Flink's toChangelogStream with a ChangelogMode):
   * a mode without -U rows (an upsert consumer, such as a sink that discards its input) is
   * planned as Flink plans an upsert sink, every operator that can omit -U rows omitting them
   * (where the plan cannot, -U/+U pairs, as for a sink).
   */
  public DataStream<Row> toChangelogStream(StreamEnvironment env, String query, ChangelogMode mode) {
    Statement parsed = StatementParser.parse(query);
    if (!(parsed instanceof Statement.Query)) {
      throw new IllegalArgumentException("toChangelogStream takes a query, not " + parsed.getClass().getSimpleName());
    }
    List<UpdateKind> required = mode.contains(RowKind.UPDATE_BEFORE)
        ? List.of(UpdateKind.BEFORE_AND_AFTER) : List.of(UpdateKind.ONLY_UPDATE_AFTER, UpdateKind.BEFORE_AND_AFTER);
    return withSessionClassLoader(() -> {
      PhysicalNode plan = physicalPlan(parsed);
      return translation(env, ChangelogPlan.infer(plan, required)).streamOf(plan);
    });
  }

  /** Runs {@code action} with the session's class loader as the thread's (jobs' threads inherit it). */
  private <T> T withSessionClassLoader(java.util.function.Supplier<T> action) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(classLoader);
    try {
      return action.get();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private TableResult insert(Statement.Insert i) {
    PhysicalNode plan = physicalPlan(i);
    StreamEnvironment env = environment();
    translation(env, changelog(plan)).streamOf(plan);
    try {
      env.execute("INSERT INTO " + plan.attributes());
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running the INSERT", ex);
    } catch (Exception ex) {
      throw new IllegalStateException("The INSERT job failed: " + ex.getMessage(), ex);
    }
    return TableResult.ok();
  }

  private TableResult describe(Statement.Describe d) {
    LogicalType rowType;
    CatalogTable table = catalog.table(d.name());
    if (table != null) {
      rowType = table.rowType();
    } else if (catalog.view(d.name()) != null) {
      rowType = catalog.view(d.name()).rowType();
    } else {
      throw new SqlParseException(d.position().line(), d.position().column(), "Table or view " + d.name() + " does not exist");
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < rowType.fieldCount(); i++) {
      String name = rowType.fieldNames().get(i);
      LogicalType type = rowType.field(i);
      String extras = "";
      String typeName = type.copy(true).toString();
      if (table != null) {
        Column c = table.columns().get(i);
        typeName += c.isProctime() ? " *PROCTIME*" : name.equals(table.rowtimeColumn()) ? " *ROWTIME*" : "";
        extras = c.isPhysical() ? "" : "AS " + c.expression();
        if (name.equals(table.rowtimeColumn())) {
          extras = (extras + " WATERMARK AS " + table.watermarkExpression()).strip();
        }
      }
      String key = table != null && table.primaryKey().contains(name) ? "PRI(" + String.join(", ", table.primaryKey()) + ")" : "";
      rows.add(Row.of(name, typeName, type.isNullable(), key, extras));
    }
    return TableResult.of(List.of("name", "type", "null", "key", "extras"), rows);
  }

  private PhysicalNode physicalPlan(Statement statement) {
    String sql = statement instanceof Statement.Query q ? q.sql() : statement instanceof Statement.Insert i ? i.sql() : null;
    if (sql == null) {
      throw new IllegalArgumentException("only queries and INSERT statements have a plan");
    }
    RelRoot root = planner.plan(sql, statement.position());
    PhysicalPlanner physical = new PhysicalPlanner(planner);
    if (root.rel instanceof TableModify modify) {
      String target = modify.getTable().getQualifiedName().get(modify.getTable().getQualifiedName().size() - 1);
      CatalogTable table = catalog.table(target);
      if (table == null) {
        throw new IllegalArgumentException("INSERT INTO " + target + ": only tables can be written to, not views");
      }
      PhysicalNode input = physical.plan(modify.getInput());
      return new SinkNode(input, table, TableFactories.forTable(table).createSink(table),
          UpsertMaterialize.parse(setting(TableConfigOptions.SINK_UPSERT_MATERIALIZE.key(),
              TableConfigOptions.SINK_UPSERT_MATERIALIZE.defaultValue())),
          statement instanceof Statement.Insert i && i.deduplicateConflicts());
    }
    return physical.plan(root);
  }

  /** Resolves CREATE TABLE: types of computed columns and the watermark checked through Calcite. */
  private CatalogTable resolve(Statement.CreateTable t) {
    List<Column> columns = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Statement.ColumnDefinition c : t.columns()) {
      if (names.contains(c.name())) {
        throw new SqlParseException(t.position().line(), t.position().column(), "column " + c.name() + " is defined twice");
      }
      names.add(c.name());
      if (c instanceof Statement.PhysicalColumn p) {
        columns.add(new Column(p.name(), p.type(), null));
      }
    }
    CatalogTable physical = new CatalogTable(t.name(), columns, null, null, List.of(), t.options());
    List<Column> all = new ArrayList<>();
    int next = 0;
    for (Statement.ColumnDefinition c : t.columns()) {
      if (c instanceof Statement.ComputedColumn cc) {
        RelRoot root = planner.planOver(physical, physical.physicalRowType(), "(" + cc.expression() + ") AS `x`",
            cc.position().plus(1, -"SELECT (".length() + 1));
        all.add(new Column(cc.name(), TypeConversion.toLogicalType(root.validatedRowType.getFieldList().get(0).getType()),
            cc.expression()));
      } else {
        all.add(columns.get(next++));
      }
    }
    for (String key : t.primaryKey()) {
      if (!names.contains(key)) {
        throw new SqlParseException(t.position().line(), t.position().column(), "primary key column " + key + " is not a column of " + t.name());
      }
    }
    String rowtime = null;
    String watermark = null;
    if (t.watermark() != null) {
      rowtime = t.watermark().column();
      int index = names.indexOf(rowtime);
      Position at = t.watermark().position();
      if (index < 0) {
        throw new SqlParseException(at.line(), at.column(), "WATERMARK FOR " + rowtime + ": no such column in " + t.name());
      }
      LogicalType type = all.get(index).type();
      if (type.root() != LogicalType.Root.TIMESTAMP && type.root() != LogicalType.Root.TIMESTAMP_LTZ) {
        throw new SqlParseException(at.line(), at.column(), "the rowtime column " + rowtime
            + " must be TIMESTAMP(3) or TIMESTAMP_LTZ(3), not " + type);
      }
      CatalogTable withComputed = new CatalogTable(t.name(), all, null, null, List.of(), t.options());
      RelRoot root = planner.planOver(withComputed, withComputed.rowType(), "(" + t.watermark().expression() + ")",
          at.plus(1, -"SELECT (".length() + 1));
      LogicalType wmType = TypeConversion.toLogicalType(root.validatedRowType.getFieldList().get(0).getType());
      if (wmType.root() != type.root()) {
        throw new SqlParseException(at.line(), at.column(), "the watermark expression must be of the rowtime's type "
            + type + ", not " + wmType);
      }
      watermark = t.watermark().expression();
    }
    CatalogTable table = new CatalogTable(t.name(), all, rowtime, watermark, t.primaryKey(), t.options());
    TableFactories.forTable(table);
    return table;
  }

  /** A session setting (SET), else the base configuration's value, else {@code absent}. */
  private String setting(String key, String absent) {
    String value = settings.getOrDefault(key, base.toMap().get(key));
    return value == null ? absent : value;
  }

  private TranslationContext translation(StreamEnvironment env, ChangelogPlan changelog) {
    return new TranslationContext(env, stateTtl(), changelog, Boolean.parseBoolean(setting(
        TableConfigOptions.PROCTIME_WINDOWS_FIRE_AT_END.key(), "false")));
  }

  private Duration stateTtl() {
    String ttl = settings.getOrDefault(STATE_TTL, base.toMap().get(STATE_TTL));
    return ttl == null ? Duration.ZERO : Durations.parse(ttl);
  }

  private StreamEnvironment environment() {
    Configuration conf = base.copy();
    settings.forEach(conf::set);
    return StreamEnvironment.create(conf);
  }
}
