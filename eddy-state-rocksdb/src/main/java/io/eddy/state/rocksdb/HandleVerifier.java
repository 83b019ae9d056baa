package io.eddy.state.rocksdb;

import io.eddy.fs.FileSystem;
import io.eddy.fs.FileSystems;
import io.eddy.state.StateBackendFactory.VerifiedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.SstFileReader;

/**
 * Verifies a RocksDB checkpoint handle the way a restore would read it, without opening a
 * database: every file it lists is fetched into a temporary folder and checked against the
 * size and CRC32C the checkpoint recorded; an SST is also read by RocksDB's
 * {@link SstFileReader#verifyChecksum}, which checks every block and, for a corrupt one, tells
 * its offset. Stateless.
 */
final class HandleVerifier {
  private HandleVerifier() {}

  static VerifiedFiles verify(byte[] handleBytes) throws IOException {
    CheckpointHandle handle = CheckpointHandle.decode(handleBytes);
    RocksDB.loadLibrary();
    Path local = Files.createTempDirectory("eddy-verify-rocksdb");
    try {
      long bytes = 0;
      for (CheckpointFile file : handle.files()) {
        try (FileSystem fs = FileSystems.forPath(file.path())) {
          try {
            new FileTransfer(fs, 1, TransferStats.forStore()).download(file, local);
          } catch (IOException e) {
            Path copy = local.resolve(file.name());
            if (CheckpointFile.isSst(file.name()) && Files.exists(copy)) {
              verifySst(copy, file); // names the bad block's offset where RocksDB can tell
            }
            throw e;
          }
          if (CheckpointFile.isSst(file.name())) {
            verifySst(local.resolve(file.name()), file);
          }
          Files.delete(local.resolve(file.name()));
        }
        bytes += file.size();
      }
      return new VerifiedFiles(handle.files().size(), bytes);
    } finally {
      try (Stream<Path> files = Files.walk(local)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static void verifySst(Path copy, CheckpointFile file) throws IOException {
    try (Options options = new Options(); SstFileReader reader = new SstFileReader(options)) {
      reader.open(copy.toString());
      reader.verifyChecksum();
    } catch (RocksDBException e) {
      throw new IOException("checkpoint file " + file.path() + " is corrupt: "
          + String.valueOf(e.getMessage()).replace(copy.toString(), file.path()), e);
    }
  }
}
