package io.eddy.sql.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.types.Row;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/**
 * Comparisons with a constant ({@code x op c}, compiled with the constant known) answer as the
 * mirrored comparison {@code c op' x}, which evaluates both operands per row: numbers across
 * classes by value, decimals ignoring scale, NULL for a NULL x. Nested fields of an input field
 * read in one step, NULL when the row is NULL.
 */
class RexCompilerComparisonTest {
  private final RelDataTypeFactory types = new JavaTypeFactoryImpl();
  private final RexBuilder rex = new RexBuilder(types);

  private static final List<SqlOperator> OPS = List.of(SqlStdOperatorTable.EQUALS, SqlStdOperatorTable.NOT_EQUALS,
      SqlStdOperatorTable.LESS_THAN, SqlStdOperatorTable.LESS_THAN_OR_EQUAL, SqlStdOperatorTable.GREATER_THAN,
      SqlStdOperatorTable.GREATER_THAN_OR_EQUAL);
  private static final List<SqlOperator> MIRRORED = List.of(SqlStdOperatorTable.EQUALS, SqlStdOperatorTable.NOT_EQUALS,
      SqlStdOperatorTable.GREATER_THAN, SqlStdOperatorTable.GREATER_THAN_OR_EQUAL, SqlStdOperatorTable.LESS_THAN,
      SqlStdOperatorTable.LESS_THAN_OR_EQUAL);

  private RelDataType nullable(SqlTypeName name) {
    return types.createTypeWithNullability(types.createSqlType(name), true);
  }

  private Object eval(RexNode node, Object value) {
    return new RexCompiler(rex).compile(node).eval(Row.of(value));
  }

  private void sameAsMirrored(RelDataType fieldType, RexNode constant, List<Object> values) {
    RexNode x = rex.makeInputRef(fieldType, 0);
    for (int i = 0; i < OPS.size(); i++) {
      for (Object v : values) {
        Object withConstant = eval(rex.makeCall(OPS.get(i), x, constant), v);
        Object model = eval(rex.makeCall(MIRRORED.get(i), constant, x), v);
        assertThat(withConstant).as("%s %s %s", v, OPS.get(i), constant).isEqualTo(model);
      }
    }
  }

  @Test
  void integersAgainstAConstant() {
    sameAsMirrored(nullable(SqlTypeName.INTEGER), rex.makeExactLiteral(BigDecimal.valueOf(2)),
        Arrays.asList(1, 2, 3, -5, null, 2L, 3L));
    sameAsMirrored(nullable(SqlTypeName.BIGINT), rex.makeBigintLiteral(BigDecimal.valueOf(7)),
        Arrays.asList(6L, 7L, 8L, null, 7, 7.0));
  }

  @Test
  void decimalsIgnoreTheScale() {
    RelDataType decimal = types.createTypeWithNullability(types.createSqlType(SqlTypeName.DECIMAL, 10, 3), true);
    sameAsMirrored(decimal, rex.makeExactLiteral(new BigDecimal("1.50")),
        Arrays.asList(new BigDecimal("1.5"), new BigDecimal("1.500"), new BigDecimal("1.499"), new BigDecimal("2"), null));
  }

  @Test
  void stringsAgainstAConstant() {
    sameAsMirrored(nullable(SqlTypeName.VARCHAR), rex.makeLiteral("apple"), Arrays.asList("apple", "Apple", "b", "", null));
  }

  @Test
  void aConstantComparisonReturnsNullForNull() {
    RexNode x = rex.makeInputRef(nullable(SqlTypeName.INTEGER), 0);
    assertThat(eval(rex.makeCall(SqlStdOperatorTable.EQUALS, x, rex.makeExactLiteral(BigDecimal.ONE)), null)).isNull();
    assertThat(eval(rex.makeCall(SqlStdOperatorTable.EQUALS, x, rex.makeExactLiteral(BigDecimal.ONE)), 1))
        .isEqualTo(true);
    assertThat(eval(rex.makeCall(SqlStdOperatorTable.NOT_EQUALS, x, rex.makeExactLiteral(BigDecimal.ONE)), 1))
        .isEqualTo(false);
  }

  @Test
  void aNestedFieldOfAnInputField() {
    RelDataType nested = types.createTypeWithNullability(types.builder().add("a", nullable(SqlTypeName.BIGINT))
        .add("b", nullable(SqlTypeName.VARCHAR)).build(), true);
    RexNode b = rex.makeFieldAccess(rex.makeInputRef(nested, 0), 1);
    assertThat(eval(b, Row.of(1L, "one"))).isEqualTo("one");
    assertThat(eval(b, null)).isNull();
  }
}
