package io.eddy.sql.planner;

import io.eddy.sql.catalog.Catalog;
import io.eddy.table.functions.AggregateFunction;
import io.eddy.table.functions.ScalarFunction;
import io.eddy.table.functions.TableFunction;
import io.eddy.table.functions.UserDefinedFunction;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.validate.SqlNameMatcher;

/**
 * The session's user and module functions for Calcite's validator, found by case-insensitive
 * name as Flink finds functions, each as the operator of its kind ({@link ScalarFunctionOperator},
 * {@link TableFunctionOperator}, {@link AggregateFunctionOperator}). Reads the catalog at each lookup.
 */
final class UserFunctionTable implements SqlOperatorTable {
  private final Catalog catalog;

  UserFunctionTable(Catalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public void lookupOperatorOverloads(SqlIdentifier name, SqlFunctionCategory category, SqlSyntax syntax,
      List<SqlOperator> operators, SqlNameMatcher nameMatcher) {
    if (name.isSimple() && syntax == SqlSyntax.FUNCTION) {
      Class<? extends UserDefinedFunction> f = catalog.function(name.getSimple());
      if (f != null) {
        operators.add(operator(name.getSimple(), f));
      }
    }
  }

  @Override
  public List<SqlOperator> getOperatorList() {
    List<SqlOperator> ops = new ArrayList<>();
    for (String name : catalog.functionNames()) {
      ops.add(operator(name, catalog.function(name)));
    }
    return ops;
  }

  @SuppressWarnings("unchecked")
  static SqlOperator operator(String name, Class<? extends UserDefinedFunction> f) {
    if (ScalarFunction.class.isAssignableFrom(f)) {
      return new ScalarFunctionOperator(name, (Class<? extends ScalarFunction>) f);
    }
    if (AggregateFunction.class.isAssignableFrom(f)) {
      return new AggregateFunctionOperator(name, (Class<? extends AggregateFunction<?, ?>>) f);
    }
    if (TableFunction.class.isAssignableFrom(f)) {
      return new TableFunctionOperator(name, (Class<? extends TableFunction<?>>) f);
    }
    throw new IllegalArgumentException("Function " + name + ": " + f.getName()
        + " is not a ScalarFunction, TableFunction or AggregateFunction");
  }
}
