package io.eddy.fs;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A {@link FileSystem} wrapper that fails, delays or corrupts chosen operations, so tests
 * can show that storage errors surface as errors and never corrupt data, and benchmarks can
 * simulate a remote store's latency.
 *
 * <p>Rules ({@link FaultRule}) select calls by operation kind and path pattern and fire by
 * probability and/or a hit budget. Randomness comes from one seeded {@link Random}, so a
 * single-threaded test run is reproducible. A failed {@code WRITE} poisons its output: the
 * later close aborts instead of publishing. A failed {@code PUBLISH} leaves no file.
 *
 * <p>Thread safety: thread-safe; rules may be added and cleared while in use.
 */
public final class FaultInjectingFileSystem implements FileSystem {
  private final FileSystem delegate;
  private final Random random;
  private final List<ActiveRule> rules = new CopyOnWriteArrayList<>();
  private final AtomicLong injected = new AtomicLong();

  private record ActiveRule(FaultRule rule, Pattern pattern, AtomicInteger hits) {}

  public FaultInjectingFileSystem(FileSystem delegate, long seed) {
    this.delegate = delegate;
    this.random = new Random(seed);
  }

  /** Adds a rule; returns this for chaining. */
  public FaultInjectingFileSystem add(FaultRule rule) {
    rules.add(new ActiveRule(rule, rule.compiled(), new AtomicInteger()));
    return this;
  }

  /** Removes every rule. */
  public void clear() {
    rules.clear();
  }

  /** How many faults (failures, delays, flips) were injected so far. */
  public long injectedCount() {
    return injected.get();
  }

  private boolean chance(double probability) {
    if (probability >= 1.0) {
      return true;
    }
    synchronized (random) {
      return random.nextDouble() < probability;
    }
  }

  /** Applies FAIL and DELAY rules for one call; returns true if a FLIP_BYTE rule fired. */
  private boolean inject(FaultRule.Op op, String path) throws IOException {
    boolean flip = false;
    for (ActiveRule active : rules) {
      FaultRule rule = active.rule();
      if (rule.op() != op || !active.pattern().matcher(path).find() || !chance(rule.probability())) {
        continue;
      }
      if (rule.maxHits() >= 0 && active.hits().getAndIncrement() >= rule.maxHits()) {
        continue;
      }
      injected.incrementAndGet();
      switch (rule.action()) {
        case FAIL -> throw new InjectedFaultException("injected " + op + " failure on " + path);
        case DELAY -> sleep(rule.delayMillis(), path);
        case FLIP_BYTE -> flip = true;
      }
    }
    return flip;
  }

  private static void sleep(long millis, String path) throws InterruptedIOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted during injected delay on " + path);
    }
  }

  private void flipOne(byte[] dst, int offset, int length) {
    if (length == 0) {
      return;
    }
    synchronized (random) {
      int at = offset + random.nextInt(length);
      dst[at] ^= (byte) (1 << random.nextInt(8));
    }
  }

  @Override
  public String scheme() {
    return delegate.scheme();
  }

  @Override
  public FileOutput create(String path) throws IOException {
    inject(FaultRule.Op.CREATE, path);
    FileOutput out = delegate.create(path);
    return new FileOutput() {
      private boolean poisoned;

      @Override
      public String path() {
        return out.path();
      }

      @Override
      public long position() {
        return out.position();
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        try {
          inject(FaultRule.Op.WRITE, path);
        } catch (IOException e) {
          poisoned = true;
          throw e;
        }
        out.write(b, off, len);
      }

      @Override
      public void abort() {
        out.abort();
      }

      @Override
      public void close() throws IOException {
        if (poisoned) {
          out.abort();
          throw new InjectedFaultException("output failed earlier, not published: " + path);
        }
        try {
          inject(FaultRule.Op.PUBLISH, path);
        } catch (IOException e) {
          out.abort();
          throw e;
        }
        out.close();
      }
    };
  }

  @Override
  public ReadHandle open(String path) throws IOException {
    inject(FaultRule.Op.OPEN, path);
    ReadHandle handle = delegate.open(path);
    return new ReadHandle() {
      @Override
      public String path() {
        return path;
      }

      @Override
      public long size() throws IOException {
        return handle.size();
      }

      @Override
      public void readFully(long position, byte[] dst, int offset, int length) throws IOException {
        boolean flip = inject(FaultRule.Op.READ, path);
        handle.readFully(position, dst, offset, length);
        if (flip) {
          flipOne(dst, offset, length);
        }
      }

      @Override
      public void close() throws IOException {
        handle.close();
      }
    };
  }

  @Override
  public long size(String path) throws IOException {
    inject(FaultRule.Op.SIZE, path);
    return delegate.size(path);
  }

  @Override
  public boolean exists(String path) throws IOException {
    inject(FaultRule.Op.EXISTS, path);
    return delegate.exists(path);
  }

  @Override
  public List<String> list(String directory) throws IOException {
    inject(FaultRule.Op.LIST, directory);
    return delegate.list(directory);
  }

  @Override
  public boolean delete(String path) throws IOException {
    inject(FaultRule.Op.DELETE, path);
    return delegate.delete(path);
  }

  @Override
  public void close() throws IOException {
    delegate.close();
  }

  @Override
  public String toString() {
    return "FaultInjecting[" + delegate + "]";
  }
}
