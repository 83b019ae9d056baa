package io.eddy.lsm.iter;

import io.eddy.lsm.util.InternalKey;
import java.io.IOException;
import java.util.List;

/**
 * Merges several sorted {@link InternalIterator}s into one sorted stream with a binary
 * heap. Ties on (key, trailer) cannot happen (sequence numbers are unique); on equal keys
 * the heap orders by trailer, so the newest version comes first.
 *
 * <p>Thread safety: one thread at a time. Closing closes every child.
 */
public final class MergingIterator implements InternalIterator {
  private final InternalIterator[] children;
  private final InternalIterator[] heap;
  private int size;

  public MergingIterator(List<? extends InternalIterator> children) {
    this.children = children.toArray(new InternalIterator[0]);
    this.heap = new InternalIterator[this.children.length];
  }

  private static boolean less(InternalIterator a, InternalIterator b) {
    return InternalKey.compare(a.key(), a.trailer(), b.key(), b.trailer()) < 0;
  }

  private void rebuild() {
    size = 0;
    for (InternalIterator c : children) {
      if (c.valid()) {
        heap[size++] = c;
      }
    }
    for (int i = size / 2 - 1; i >= 0; i--) {
      siftDown(i);
    }
  }

  private void siftDown(int i) {
    InternalIterator x = heap[i];
    while (true) {
      int l = 2 * i + 1;
      if (l >= size) {
        break;
      }
      int r = l + 1;
      int m = r < size && less(heap[r], heap[l]) ? r : l;
      if (!less(heap[m], x)) {
        break;
      }
      heap[i] = heap[m];
      i = m;
    }
    heap[i] = x;
  }

  @Override
  public boolean valid() {
    return size > 0;
  }

  @Override
  public void seekToFirst() throws IOException {
    for (InternalIterator c : children) {
      c.seekToFirst();
    }
    rebuild();
  }

  @Override
  public void seek(byte[] key, long trailer) throws IOException {
    for (InternalIterator c : children) {
      c.seek(key, trailer);
    }
    rebuild();
  }

  @Override
  public void next() throws IOException {
    InternalIterator top = heap[0];
    top.next();
    if (!top.valid()) {
      heap[0] = heap[--size];
    }
    if (size > 0) {
      siftDown(0);
    }
  }

  @Override
  public byte[] key() {
    return heap[0].key();
  }

  @Override
  public long trailer() {
    return heap[0].trailer();
  }

  @Override
  public byte[] value() {
    return heap[0].value();
  }

  @Override
  public void close() {
    for (InternalIterator c : children) {
      c.close();
    }
  }
}
