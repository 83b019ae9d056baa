package io.eddy.connectors.file;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A finished but not yet visible part file of a {@link FileSink}: the hidden file it was
 * written to and the name it gets when its checkpoint completes. Publishing is idempotent: if
 * the file was already published (a commit repeated after a recovery), nothing happens.
 */
public record PendingFile(String hiddenPath, String finalPath) implements Serializable {

  void publish() throws IOException {
    Path hidden = Path.of(hiddenPath);
    Path target = Path.of(finalPath);
    if (Files.exists(hidden)) {
      Files.move(hidden, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } else if (!Files.exists(target)) {
      throw new IOException("Part file to commit is gone: neither " + hiddenPath + " nor " + finalPath + " exists");
    }
  }
}
