package io.eddy.sql.planner;

import io.eddy.table.types.LogicalType;
import io.eddy.table.types.LogicalType.Root;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rel.type.StructKind;
import org.apache.calcite.sql.type.SqlTypeName;

/** Converts between Calcite's {@link RelDataType} and the runtime's {@link LogicalType}. */
public final class TypeConversion {
  private TypeConversion() {}

  /** A table's row type: a plain struct of its columns (nested ROW columns peek, as Flink's). */
  public static RelDataType toTableRowType(RelDataTypeFactory f, LogicalType rowType) {
    List<RelDataType> types = new ArrayList<>();
    for (LogicalType child : rowType.children()) {
      types.add(toRelDataType(f, child));
    }
    return f.createStructType(types, rowType.fieldNames());
  }

  public static RelDataType toRelDataType(RelDataTypeFactory f, LogicalType t) {
    RelDataType base = switch (t.root()) {
      case BOOLEAN -> f.createSqlType(SqlTypeName.BOOLEAN);
      case TINYINT -> f.createSqlType(SqlTypeName.TINYINT);
      case SMALLINT -> f.createSqlType(SqlTypeName.SMALLINT);
      case INTEGER -> f.createSqlType(SqlTypeName.INTEGER);
      case BIGINT -> f.createSqlType(SqlTypeName.BIGINT);
      case FLOAT -> f.createSqlType(SqlTypeName.FLOAT);
      case DOUBLE -> f.createSqlType(SqlTypeName.DOUBLE);
      case DECIMAL -> f.createSqlType(SqlTypeName.DECIMAL, t.precision(), t.scale());
      case CHAR -> f.createSqlType(SqlTypeName.CHAR, t.precision());
      case VARCHAR -> f.createSqlType(SqlTypeName.VARCHAR, t.precision());
      case BINARY -> f.createSqlType(SqlTypeName.BINARY, t.precision());
      case VARBINARY -> f.createSqlType(SqlTypeName.VARBINARY, t.precision());
      case DATE -> f.createSqlType(SqlTypeName.DATE);
      case TIME -> f.createSqlType(SqlTypeName.TIME, Math.max(0, t.precision()));
      case TIMESTAMP -> f.createSqlType(SqlTypeName.TIMESTAMP, t.precision());
      case TIMESTAMP_LTZ -> f.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, t.precision());
      case ROW -> {
        List<RelDataType> types = new ArrayList<>();
        for (LogicalType child : t.children()) {
          types.add(toRelDataType(f, child));
        }
        yield f.createStructType(StructKind.PEEK_FIELDS_NO_EXPAND, types, t.fieldNames());
      }
      case ARRAY -> f.createArrayType(toRelDataType(f, t.field(0)), -1);
      case MAP -> f.createMapType(toRelDataType(f, t.field(0)), toRelDataType(f, t.field(1)));
      case NULL -> f.createSqlType(SqlTypeName.NULL);
      case INTERVAL_DAY_TIME, INTERVAL_YEAR_MONTH ->
          throw new IllegalArgumentException("interval columns are not supported: " + t);
    };
    return f.createTypeWithNullability(base, t.isNullable());
  }

  public static LogicalType toLogicalType(RelDataType t) {
    LogicalType base = switch (t.getSqlTypeName()) {
      case BOOLEAN -> LogicalType.of(Root.BOOLEAN);
      case TINYINT -> LogicalType.of(Root.TINYINT);
      case SMALLINT -> LogicalType.of(Root.SMALLINT);
      case INTEGER -> LogicalType.of(Root.INTEGER);
      case BIGINT -> LogicalType.of(Root.BIGINT);
      case FLOAT, REAL -> LogicalType.of(Root.FLOAT);
      case DOUBLE -> LogicalType.of(Root.DOUBLE);
      case DECIMAL -> LogicalType.decimal(t.getPrecision(), t.getScale());
      case CHAR -> LogicalType.of(Root.CHAR, t.getPrecision());
      case VARCHAR -> LogicalType.of(Root.VARCHAR, t.getPrecision());
      case BINARY -> LogicalType.of(Root.BINARY, t.getPrecision());
      case VARBINARY -> LogicalType.of(Root.VARBINARY, t.getPrecision());
      case DATE -> LogicalType.of(Root.DATE);
      case TIME -> LogicalType.of(Root.TIME, t.getPrecision());
      case TIMESTAMP -> LogicalType.timestamp(t.getPrecision());
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> LogicalType.of(Root.TIMESTAMP_LTZ, t.getPrecision());
      case ROW -> {
        List<String> names = new ArrayList<>();
        List<LogicalType> types = new ArrayList<>();
        for (RelDataTypeField field : t.getFieldList()) {
          names.add(field.getName());
          types.add(toLogicalType(field.getType()));
        }
        yield LogicalType.row(names, types);
      }
      case ARRAY -> LogicalType.array(toLogicalType(t.getComponentType()));
      case MAP -> LogicalType.map(toLogicalType(t.getKeyType()), toLogicalType(t.getValueType()));
      case NULL -> LogicalType.of(Root.NULL);
      case INTERVAL_YEAR, INTERVAL_YEAR_MONTH, INTERVAL_MONTH -> LogicalType.of(Root.INTERVAL_YEAR_MONTH);
      case INTERVAL_DAY, INTERVAL_DAY_HOUR, INTERVAL_DAY_MINUTE, INTERVAL_DAY_SECOND, INTERVAL_HOUR,
          INTERVAL_HOUR_MINUTE, INTERVAL_HOUR_SECOND, INTERVAL_MINUTE, INTERVAL_MINUTE_SECOND, INTERVAL_SECOND ->
          LogicalType.of(Root.INTERVAL_DAY_TIME);
      default -> throw new IllegalArgumentException("SQL type " + t.getFullTypeString() + " is not supported");
    };
    return base.copy(t.isNullable());
  }

  /** The logical types of a row type's fields. */
  public static List<LogicalType> fieldTypes(RelDataType rowType) {
    List<LogicalType> types = new ArrayList<>();
    for (RelDataTypeField field : rowType.getFieldList()) {
      types.add(toLogicalType(field.getType()));
    }
    return types;
  }
}
