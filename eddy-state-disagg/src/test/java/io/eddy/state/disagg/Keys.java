package io.eddy.state.disagg;

import io.eddy.state.bytes.KvColumn;
import io.eddy.state.bytes.KvCursor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: column keys {@code [keyGroup:2][text]} and readable scans. */
final class Keys {
  private Keys() {}

  static byte[] key(int keyGroup, String rest) {
    byte[] r = rest.getBytes(StandardCharsets.UTF_8);
    byte[] k = new byte[r.length + 2];
    k[0] = (byte) (keyGroup >>> 8);
    k[1] = (byte) keyGroup;
    System.arraycopy(r, 0, k, 2, r.length);
    return k;
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String text(byte[] b) {
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }

  /** A column key as "keyGroup/rest". */
  static String show(byte[] key) {
    return ColumnKeys.keyGroup(key) + "/" + new String(key, 2, key.length - 2, StandardCharsets.UTF_8);
  }

  /** The entries of a scan as "keyGroup/rest=value". */
  static List<String> scan(KvColumn column, byte[] prefix) throws IOException {
    List<String> out = new ArrayList<>();
    try (KvCursor c = column.scan(prefix)) {
      while (c.next()) {
        out.add(show(c.key()) + "=" + text(c.value()));
      }
    }
    return out;
  }
}
