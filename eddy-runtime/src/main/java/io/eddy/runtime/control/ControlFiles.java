package io.eddy.runtime.control;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/** Small properties files written atomically (a temporary name, then a rename), so a reader never sees half of one. */
final class ControlFiles {
  private ControlFiles() {}

  static void write(Path file, Properties values) throws IOException {
    StringWriter text = new StringWriter();
    values.store(text, null);
    Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
    Files.writeString(tmp, text.toString());
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  static Properties read(Path file) throws IOException {
    Properties values = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      values.load(in);
    }
    return values;
  }
}
