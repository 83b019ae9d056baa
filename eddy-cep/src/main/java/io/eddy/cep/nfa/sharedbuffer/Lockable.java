package io.eddy.cep.nfa.sharedbuffer;


/**
 * A value with a reference count: shared-buffer events, nodes and edges live as long as some
 * partial match refers to them. Mutable; owned by the task thread.
 */
public final class Lockable<T> {
  private final T element;
  private int refCount;

  public Lockable(T element, int refCount) {
    this.element = element;
    this.refCount = refCount;
  }

  public T element() {
    return element;
  }

  int refCount() {
    return refCount;
  }

  public void lock() {
    refCount++;
  }

  /** Drops one reference; true when none is left (also when there was none). */
  public boolean release() {
    if (refCount <= 0) {
      return true;
    }
    return --refCount == 0;
  }

  @Override
  public String toString() {
    return element + "#" + refCount;
  }
}
