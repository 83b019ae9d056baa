package io.eddy.sql.planner;

import io.eddy.sql.catalog.Catalog;
import io.eddy.sql.catalog.CatalogTable;
import io.eddy.sql.catalog.CatalogView;
import io.eddy.sql.parser.Position;
import io.eddy.sql.parser.SqlParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.apache.calcite.config.Lex;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.rules.AggregateReduceFunctionsRule;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.tools.FrameworkConfig;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.Planner;

/**
 * Calcite for one session: parses (Flink's lexical rules: `backtick` quoting, case-sensitive
 * identifiers kept as written), validates against the session's catalog and converts queries
 * to a logical plan of Calcite relational nodes, simplified by a few rewrite rules (project and
 * filter merged into LogicalCalc). Errors become {@link SqlParseException}s naming the script line
 * and column. Stateless between calls: each call sees the catalog as it is then.
 */
public final class SqlPlanner {
  private static final int EXPECTED_SHOWN = 12;

  private final Catalog catalog;

  public SqlPlanner(Catalog catalog) {
    this.catalog = catalog;
  }

  public Catalog catalog() {
    return catalog;
  }

  /** The validated, simplified logical plan of a query or INSERT. */
  public RelRoot plan(String sql, Position at) {
    return plan(sql, at, catalogTables());
  }

  /**
   * Plans {@code SELECT <selectList> FROM <table>} over one table with the given row type
   * (used to derive a table's computed columns and watermark).
   */
  public RelRoot planOver(CatalogTable table, io.eddy.table.types.LogicalType rowType, String selectList, Position at) {
    return plan("SELECT " + selectList + " FROM `" + table.name().replace("`", "``") + "`", at,
        Map.of(table.name(), new CatalogTableAdapter(table, rowType)));
  }

  private Map<String, Table> catalogTables() {
    Map<String, Table> tables = new java.util.LinkedHashMap<>();
    for (String name : catalog.tableNames()) {
      CatalogTable t = catalog.table(name);
      tables.put(name, new CatalogTableAdapter(t, t.rowType()));
    }
    for (String name : catalog.viewNames()) {
      CatalogView v = catalog.view(name);
      tables.put(name, new ViewAdapter(v));
    }
    return tables;
  }

  private RelRoot plan(String sql, Position at, Map<String, Table> tables) {
    SchemaPlus root = Frameworks.createRootSchema(false);
    tables.forEach(root::add);
    // Flink's type names that Calcite's parser reads as user-defined types: CAST(x AS STRING), BYTES
    root.add("STRING", f -> f.createSqlType(org.apache.calcite.sql.type.SqlTypeName.VARCHAR, Integer.MAX_VALUE));
    root.add("BYTES", f -> f.createSqlType(org.apache.calcite.sql.type.SqlTypeName.VARBINARY, Integer.MAX_VALUE));
    Planner planner = Frameworks.getPlanner(config(root));
    try {
      SqlNode parsed;
      try {
        parsed = planner.parse(sql);
      } catch (org.apache.calcite.sql.parser.SqlParseException e) {
        throw parseError(e, at);
      }
      SessionSyntax.rewrite(parsed);
      NullOrder.rewrite(parsed);
      SqlNode validated;
      try {
        validated = planner.validate(parsed);
      } catch (Exception e) {
        throw validationError(e, at);
      }
      RelRoot rel;
      try {
        rel = planner.rel(validated);
      } catch (AssertionError e) {
        // With assertions on, Calcite refuses a right or full outer join of a snapshot this way.
        RuntimeException outerTemporalJoin = TemporalJoinRule.outerJoinError(e);
        if (outerTemporalJoin != null) {
          throw outerTemporalJoin;
        }
        throw e;
      } catch (Exception e) {
        throw validationError(e, at);
      }
      return rel.withRel(simplify(rel.rel));
    } finally {
      planner.close();
    }
  }

  /**
   * STDDEV_POP/SAMP and VAR_POP/SAMP rewritten into SUM and COUNT of the argument and its square,
   * as Flink's planner reduces them (result of the argument's type: VAR_POP of an INT is an INT).
   */
  private static final RelOptRule STATISTICS_TO_SUMS = AggregateReduceFunctionsRule.Config.DEFAULT
      .withFunctionsToReduce(EnumSet.of(SqlKind.STDDEV_POP, SqlKind.STDDEV_SAMP, SqlKind.VAR_POP, SqlKind.VAR_SAMP))
      .toRule();

  /** Subqueries removed, projections and filters as Calcs (merged), as the physical planner reads plans. */
  static RelNode simplify(RelNode rel) {
    HepProgramBuilder program = new HepProgramBuilder()
        .addRuleInstance(CoreRules.FILTER_SUB_QUERY_TO_CORRELATE)
        .addRuleInstance(CoreRules.PROJECT_SUB_QUERY_TO_CORRELATE)
        .addRuleInstance(CoreRules.JOIN_SUB_QUERY_TO_CORRELATE)
        .addRuleInstance(CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW)
        .addRuleInstance(STATISTICS_TO_SUMS)
        .addRuleCollection(List.of(CoreRules.FILTER_INTO_JOIN, CoreRules.JOIN_CONDITION_PUSH,
            CoreRules.FILTER_TO_CALC, CoreRules.PROJECT_TO_CALC, CoreRules.CALC_MERGE, CoreRules.CALC_REMOVE));
    HepPlanner hep = new HepPlanner(program.build());
    hep.setExecutor(EddyRexExecutor.INSTANCE);
    hep.setRoot(rel);
    return hep.findBestExp();
  }

  private FrameworkConfig config(SchemaPlus root) {
    SqlConformanceEnum conformance = SqlConformanceEnum.LENIENT;
    return Frameworks.newConfigBuilder()
        .parserConfig(SqlParser.config().withLex(Lex.JAVA).withConformance(conformance).withIdentifierMaxLength(1024))
        // Flink's null order: NULLs sort low, i.e. first when ascending and last when descending;
        // no implicit coercion (Flink's validator turns it off: an untyped NULL operand is refused)
        .sqlValidatorConfig(SqlValidator.Config.DEFAULT.withConformance(conformance).withIdentifierExpansion(true)
            .withDefaultNullCollation(org.apache.calcite.config.NullCollation.LOW).withTypeCoercionEnabled(false))
        .sqlToRelConverterConfig(SqlToRelConverter.config().withExpand(false).withTrimUnusedFields(false))
        .executor(EddyRexExecutor.INSTANCE)
        .defaultSchema(root)
        .operatorTable(EddyOperatorTable.create(new UserFunctionTable(catalog)))
        .typeSystem(EddyTypeSystem.INSTANCE)
        .build();
  }

  private static SqlParseException parseError(org.apache.calcite.sql.parser.SqlParseException e, Position at) {
    Position p = at.plus(Math.max(1, e.getPos().getLineNum()), Math.max(1, e.getPos().getColumnNum()));
    String message = e.getMessage() == null ? "syntax error" : e.getMessage();
    int cut = message.indexOf(" at line ");
    String head = cut > 0 ? message.substring(0, cut) : message.lines().findFirst().orElse(message);
    List<String> expected = new ArrayList<>();
    for (int[] seq : e.getExpectedTokenSequences() == null ? new int[0][] : e.getExpectedTokenSequences()) {
      if (seq.length > 0 && expected.size() < EXPECTED_SHOWN) {
        String token = e.getTokenImages()[seq[0]];
        if (!expected.contains(token)) {
          expected.add(token);
        }
      }
    }
    String tail = expected.isEmpty() ? "" : "; expected one of " + String.join(", ", expected)
        + (e.getExpectedTokenSequences().length > EXPECTED_SHOWN ? ", ..." : "");
    return new SqlParseException(p.line(), p.column(), head + tail);
  }

  private static RuntimeException validationError(Exception e, Position at) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CalciteContextException c) {
        Position p = at.plus(Math.max(1, c.getPosLine()), Math.max(1, c.getPosColumn()));
        String message = c.getCause() != null && c.getCause().getMessage() != null ? c.getCause().getMessage() : c.getMessage();
        return new SqlParseException(p.line(), p.column(), message);
      }
      if (t instanceof SqlParseException p) {
        return p;
      }
    }
    return new SqlParseException(at.line(), at.column(), String.valueOf(e.getMessage()));
  }
}
