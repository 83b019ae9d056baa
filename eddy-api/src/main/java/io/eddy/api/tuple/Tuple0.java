package io.eddy.api.tuple;

/** The tuple without fields, as Flink's Tuple0; one instance suffices. */
public class Tuple0 extends Tuple {
  public static final Tuple0 INSTANCE = new Tuple0();

  public Tuple0() {}

  @Override
  public int getArity() {
    return 0;
  }

  @Override
  public <T> T getField(int pos) {
    throw new IndexOutOfBoundsException(String.valueOf(pos));
  }

  @Override
  public <T> void setField(T value, int pos) {
    throw new IndexOutOfBoundsException(String.valueOf(pos));
  }

  @Override
  @SuppressWarnings("unchecked")
  public Tuple0 copy() {
    return new Tuple0();
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
