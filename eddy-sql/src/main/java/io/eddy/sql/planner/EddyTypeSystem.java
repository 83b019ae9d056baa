package io.eddy.sql.planner;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite's type rules adjusted to Flink's where results differ: DECIMAL up to precision 38,
 * VARCHAR/VARBINARY without a length are of the maximum length (Flink's STRING/BYTES),
 * TIMESTAMP up to 9 fractional digits, SUM of DECIMAL(p, s) is DECIMAL(38, s), AVG of
 * DECIMAL(p, s) is DECIMAL(38, max(6, s)) (Flink's LogicalTypeMerging.findAvgAggType). AVG keeps
 * Calcite's (and Flink's) rule that an integer average is of the argument's type.
 */
public final class EddyTypeSystem extends RelDataTypeSystemImpl {
  public static final EddyTypeSystem INSTANCE = new EddyTypeSystem();

  private EddyTypeSystem() {}

  @Override
  public int getMaxPrecision(SqlTypeName typeName) {
    return switch (typeName) {
      case DECIMAL -> 38;
      case VARCHAR, CHAR, VARBINARY, BINARY -> Integer.MAX_VALUE;
      case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIME -> 9;
      default -> super.getMaxPrecision(typeName);
    };
  }

  @Override
  public int getDefaultPrecision(SqlTypeName typeName) {
    return switch (typeName) {
      case VARCHAR, VARBINARY -> Integer.MAX_VALUE;
      case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> 6;
      default -> super.getDefaultPrecision(typeName);
    };
  }

  @Override
  public int getMaxScale(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? 38 : super.getMaxScale(typeName);
  }

  @Override
  public RelDataType deriveSumType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    if (argumentType.getSqlTypeName() == SqlTypeName.DECIMAL) {
      return typeFactory.createTypeWithNullability(
          typeFactory.createSqlType(SqlTypeName.DECIMAL, 38, argumentType.getScale()), argumentType.isNullable());
    }
    return super.deriveSumType(typeFactory, argumentType);
  }

  @Override
  public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    if (argumentType.getSqlTypeName() == SqlTypeName.DECIMAL) {
      return typeFactory.createTypeWithNullability(
          typeFactory.createSqlType(SqlTypeName.DECIMAL, 38, Math.max(6, argumentType.getScale())),
          argumentType.isNullable());
    }
    return super.deriveAvgAggType(typeFactory, argumentType);
  }

  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }
}
