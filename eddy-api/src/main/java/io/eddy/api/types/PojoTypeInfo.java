package io.eddy.api.types;

/** A POJO type in Flink's sense: public class, public no-argument constructor, accessible fields. */
public final class PojoTypeInfo<T> extends GenericTypeInfo<T> {
  public PojoTypeInfo(Class<T> type) {
    super(type);
    if (!FieldShape.isPojo(type)) {
      throw new IllegalArgumentException(type.getName() + " is not a POJO: it needs to be a public class with a public"
          + " no-argument constructor whose fields are public or have public getters and setters");
    }
  }

  @Override
  public String toString() {
    return "PojoType<" + getTypeClass().getCanonicalName() + ">";
  }
}
