package io.eddy.fs;

import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The registry of {@link FileSystemFactory}s by URI scheme, loaded once with
 * {@link ServiceLoader}. Plain paths (no scheme) mean the local file system.
 *
 * <p>Thread safety: thread-safe; the registry is built once and then read-only.
 */
public final class FileSystems {
  private static final class Holder {
    static final Map<String, FileSystemFactory> FACTORIES = load();
  }

  private FileSystems() {}

  private static Map<String, FileSystemFactory> load() {
    Map<String, FileSystemFactory> map = new HashMap<>();
    for (FileSystemFactory f : ServiceLoader.load(FileSystemFactory.class, FileSystems.class.getClassLoader())) {
      map.putIfAbsent(f.scheme().toLowerCase(Locale.ROOT), f);
    }
    return Map.copyOf(map);
  }

  /** Whether a factory for this scheme is on the class path. */
  public static boolean supports(String scheme) {
    return Holder.FACTORIES.containsKey(scheme.toLowerCase(Locale.ROOT));
  }

  /**
   * A file system able to serve {@code pathOrUri}.
   *
   * @throws IOException naming the scheme if no factory serves it
   */
  public static FileSystem forPath(String pathOrUri) throws IOException {
    String scheme = FsPaths.scheme(pathOrUri);
    if (scheme == null) {
      scheme = "file";
    }
    FileSystemFactory factory = Holder.FACTORIES.get(scheme.toLowerCase(Locale.ROOT));
    if (factory == null) {
      throw new IOException(
          "no FileSystem for scheme '" + scheme + "' (" + pathOrUri + "); known: " + Holder.FACTORIES.keySet());
    }
    return factory.create(pathOrUri.contains("://") ? URI.create(pathOrUri) : URI.create("file:///"));
  }
}
