package io.siodoctor.parsers.logs;

import io.siodoctor.parsers.engineio.EngineIoUrls;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Interns short ASCII tokens that repeat on almost every line (debug namespaces, levels, node
 * names) so the hot path does not allocate a String for each. Bounded: when full, tokens are
 * simply decoded. The hash looks at the length and three bytes only (collisions just cost a
 * probe); keys are compared eight bytes at a time.
 */
final class StringCache implements EngineIoUrls.Strings {
  private static final int SIZE = 512; // power of two
  // long enough for browser user agents (Chrome's is ~110 bytes), which repeat on every access line
  private static final int MAX_LENGTH = 192;
  private final byte[][] keys = new byte[SIZE][];
  private final String[] values = new String[SIZE];
  private int used;
  // the last token found or added: a field mostly repeats from one line to the next (the same
  // client, user agent, level), and comparing with it first skips the hash and the probe
  private byte[] lastKey;
  private String lastValue;

  /** The cached String for b[from..to), adding it when absent. */
  String get(byte[] b, int from, int to) {
    String v = find(b, from, to);
    return v != null ? v : put(b, from, to);
  }

  @Override
  public String of(byte[] b, int from, int to) {
    return get(b, from, to);
  }

  /** The cached String for b[from..to), or null when it was never added. */
  String find(byte[] b, int from, int to) {
    int len = to - from;
    if (len <= 0 || len > MAX_LENGTH) {
      return null;
    }
    byte[] last = lastKey;
    if (last != null && last.length == len && Ascii.equals(last, 0, b, from, len)) {
      return lastValue;
    }
    int slot = slot(b, from, to);
    for (int probe = 0; probe < 8; probe++) {
      byte[] k = keys[slot];
      if (k == null) {
        return null;
      }
      if (k.length == len && Ascii.equals(k, 0, b, from, len)) {
        lastKey = k;
        lastValue = values[slot];
        return lastValue;
      }
      slot = (slot + 1) & (SIZE - 1);
    }
    return null;
  }

  /** Adds b[from..to) (when there is room) and returns its String. */
  String put(byte[] b, int from, int to) {
    int len = to - from;
    String v = new String(b, from, len, StandardCharsets.UTF_8);
    if (len <= 0 || len > MAX_LENGTH || used >= SIZE / 2) {
      return v;
    }
    int slot = slot(b, from, to);
    for (int probe = 0; probe < 8; probe++) {
      byte[] k = keys[slot];
      if (k == null) {
        keys[slot] = Arrays.copyOfRange(b, from, to);
        values[slot] = v;
        used++;
        lastKey = keys[slot];
        lastValue = v;
        return v;
      }
      if (k.length == len && Ascii.equals(k, 0, b, from, len)) {
        return values[slot];
      }
      slot = (slot + 1) & (SIZE - 1);
    }
    return v;
  }

  private static int slot(byte[] b, int from, int to) {
    int len = to - from;
    int h = len * 0x9E3779B1 ^ (b[to - 1] * 961 + b[from + (len >> 1)] * 31 + b[from]);
    h ^= h >>> 15;
    return h & (SIZE - 1);
  }
}
