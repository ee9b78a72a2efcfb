package io.siodoctor.parsers.logs;

import java.nio.charset.StandardCharsets;

/**
 * Interns short ASCII tokens that repeat on almost every line (debug namespaces, levels, node
 * names) so the hot path does not allocate a String for each. Bounded: when full, tokens are
 * simply decoded.
 */
final class StringCache {
  private static final int SIZE = 512; // power of two
  private final byte[][] keys = new byte[SIZE][];
  private final String[] values = new String[SIZE];
  private int used;

  String get(byte[] b, int from, int to) {
    int len = to - from;
    if (len > 96) {
      return new String(b, from, len, StandardCharsets.UTF_8);
    }
    int h = len;
    for (int i = from; i < to; i++) {
      h = 31 * h + b[i];
    }
    h ^= h >>> 16;
    int slot = h & (SIZE - 1);
    for (int probe = 0; probe < 8; probe++) {
      byte[] k = keys[slot];
      if (k == null) {
        if (used >= SIZE / 2) {
          break;
        }
        byte[] copy = new byte[len];
        System.arraycopy(b, from, copy, 0, len);
        String v = new String(copy, StandardCharsets.UTF_8);
        keys[slot] = copy;
        values[slot] = v;
        used++;
        return v;
      }
      if (k.length == len && equal(k, b, from)) {
        return values[slot];
      }
      slot = (slot + 1) & (SIZE - 1);
    }
    return new String(b, from, len, StandardCharsets.UTF_8);
  }

  private static boolean equal(byte[] k, byte[] b, int from) {
    for (int i = 0; i < k.length; i++) {
      if (k[i] != b[from + i]) {
        return false;
      }
    }
    return true;
  }
}
