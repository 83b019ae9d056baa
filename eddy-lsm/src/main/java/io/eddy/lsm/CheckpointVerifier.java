package io.eddy.lsm;

import io.eddy.fs.FileSystem;
import io.eddy.lsm.cache.BlockCache;
import io.eddy.lsm.manifest.FileMeta;
import io.eddy.lsm.manifest.Manifest;
import io.eddy.lsm.manifest.VersionEdit;
import io.eddy.lsm.sst.TableReader;
import io.eddy.lsm.util.CorruptionException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;

/**
 * Checks a checkpoint (or any manifest) of a store without opening the store: the manifest's
 * checksum, then every SST it lists, whole: its size against the manifest's, the footer, every
 * meta and data block's checksum. What {@code eddy checkpoints inspect} means by "verified".
 * Stateless; reads go straight to the FileSystem (no cache is filled).
 */
public final class CheckpointVerifier {
  private CheckpointVerifier() {}

  /** The files and bytes one verification read. */
  public record Verified(int files, long bytes) {}

  /**
   * @throws CorruptionException naming the first bad file, and the offset of its bad block where
   *     a block's checksum failed
   * @throws IOException if a file is missing ({@link NoSuchFileException} naming it) or unreadable
   */
  public static Verified verify(FileSystem fs, String manifestPath) throws IOException {
    Manifest manifest = Manifest.read(fs, manifestPath);
    BlockCache noCache = new BlockCache(0);
    long bytes = fs.size(manifestPath);
    for (VersionEdit.LevelFile levelFile : manifest.files()) {
      FileMeta meta = levelFile.file();
      long size;
      try {
        size = fs.size(meta.path());
      } catch (NoSuchFileException e) {
        throw new NoSuchFileException(meta.path(), null, "SST listed by " + manifestPath + " is missing");
      }
      if (size != meta.size()) {
        throw new CorruptionException(meta.path() + " has " + size + " bytes, " + manifestPath + " recorded "
            + meta.size() + " (truncated or replaced)");
      }
      try (TableReader table = TableReader.open(fs, meta.path(), size, noCache)) {
        table.verifyAllBlocks();
      }
      bytes += size;
    }
    return new Verified(manifest.files().size() + 1, bytes);
  }
}
