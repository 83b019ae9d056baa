package io.eddy.sql.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.types.Row;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/**
 * {@code ROW(x.a, x.b)} that lists all of x's fields in order is x itself (NULL x gives a row of
 * NULLs, as the constructor does); any other ROW is built field by field.
 */
class RexCompilerRowTest {
  private final RelDataTypeFactory types = new JavaTypeFactoryImpl();
  private final RexBuilder rex = new RexBuilder(types);
  private final RelDataType nested = types.createTypeWithNullability(types.builder()
      .add("a", types.createTypeWithNullability(types.createSqlType(SqlTypeName.BIGINT), true))
      .add("b", types.createTypeWithNullability(types.createSqlType(SqlTypeName.VARCHAR), true)).build(), true);
  private final RexNode x = rex.makeInputRef(nested, 0);

  private Object eval(RexNode node, Row input) {
    return new RexCompiler(rex).compile(node).eval(input);
  }

  private RexNode row(RexNode... fields) {
    return rex.makeCall(SqlStdOperatorTable.ROW, fields);
  }

  @Test
  void allFieldsInOrderAreTheRowItself() {
    Row inner = Row.of(7L, "seven");
    Object out = eval(row(rex.makeFieldAccess(x, 0), rex.makeFieldAccess(x, 1)), Row.of(inner));
    assertThat(out).isSameAs(inner);
  }

  @Test
  void aNullRowGivesARowOfNulls() {
    Object out = eval(row(rex.makeFieldAccess(x, 0), rex.makeFieldAccess(x, 1)), Row.of((Object) null));
    assertThat(out).isEqualTo(Row.of(null, null));
  }

  @Test
  void otherRowsAreBuiltFieldByField() {
    Row inner = Row.of(7L, "seven");
    assertThat(eval(row(rex.makeFieldAccess(x, 1), rex.makeFieldAccess(x, 0)), Row.of(inner)))
        .isEqualTo(Row.of("seven", 7L));
    assertThat(eval(row(rex.makeFieldAccess(x, 0)), Row.of(inner))).isEqualTo(Row.of(7L));
  }
}
