package io.eddy.lsm.util;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for background work and rethrowing its failure as the caller's. Stateless. */
public final class Futures {
  private Futures() {}

  /** Waits for {@code f}; rethrows an IOException or RuntimeException it failed with. */
  public static void await(Future<?> f, String what) throws IOException {
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted waiting for " + what);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException(what + " failed: " + e.getCause(), e.getCause());
    }
  }
}
