package io.siodoctor.parsers.logs;

import io.siodoctor.parsers.bytes.ByteSearch;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Allocation-free checks on ASCII text held in a byte array. */
final class Ascii {
  private Ascii() {}

  /** Whether a[ao..ao+len) equals b[bo..bo+len). */
  static boolean equals(byte[] a, int ao, byte[] b, int bo, int len) {
    return Arrays.equals(a, ao, ao + len, b, bo, bo + len);
  }

  /** {@link ByteSearch#asciiWithout}. */
  static boolean asciiWithout(byte[] b, int from, int to, byte x, byte y, byte z) {
    return ByteSearch.asciiWithout(b, from, to, x, y, z);
  }

  static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }

  static boolean isLetter(byte c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static boolean isLower(byte c) {
    return c >= 'a' && c <= 'z';
  }

  /** Whether {@code b[off..end)} starts with the ASCII string {@code s}. */
  static boolean startsWith(byte[] b, int off, int end, String s) {
    int n = s.length();
    if (end - off < n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (b[off + i] != (byte) s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** First index of {@code c} in {@code b[from..end)}, or -1 ({@link ByteSearch#indexOf}). */
  static int indexOf(byte[] b, int from, int end, byte c) {
    return ByteSearch.indexOf(b, from, end, c);
  }

  /** First index of the ASCII string {@code s} in {@code b[from..end)}, or -1. */
  static int indexOf(byte[] b, int from, int end, String s) {
    int n = s.length();
    if (n == 0) {
      return from;
    }
    byte first = (byte) s.charAt(0);
    int last = end - n;
    outer:
    for (int i = from; i <= last; i++) {
      if (b[i] != first) {
        continue;
      }
      for (int k = 1; k < n; k++) {
        if (b[i + k] != (byte) s.charAt(k)) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Parses {@code n} ASCII digits at {@code off}; -1 when any is not a digit. */
  static int digits(byte[] b, int off, int n) {
    int v = 0;
    for (int i = 0; i < n; i++) {
      byte c = b[off + i];
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  static String str(byte[] b, int from, int to) {
    return new String(b, from, to - from, StandardCharsets.UTF_8);
  }

  /** {@link #str} of bytes known to be ASCII: skips the decoder's check for non-ASCII bytes. */
  static String latin1(byte[] b, int from, int to) {
    return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
  }

  static int skipSpaces(byte[] b, int p, int end) {
    while (p < end && b[p] == ' ') {
      p++;
    }
    return p;
  }

  static int trimEnd(byte[] b, int start, int end) {
    while (end > start && (b[end - 1] == ' ' || b[end - 1] == '\t')) {
      end--;
    }
    return end;
  }

  /** Month index 1-12 from a three-letter English abbreviation at {@code off}; -1 otherwise. */
  static int month(byte[] b, int off) {
    int c0 = b[off] | 0x20;
    int c1 = b[off + 1] | 0x20;
    int c2 = b[off + 2] | 0x20;
    switch (c0) {
      case 'j':
        if (c1 == 'a' && c2 == 'n') {
          return 1;
        }
        if (c1 == 'u' && c2 == 'n') {
          return 6;
        }
        if (c1 == 'u' && c2 == 'l') {
          return 7;
        }
        return -1;
      case 'f':
        return c1 == 'e' && c2 == 'b' ? 2 : -1;
      case 'm':
        if (c1 == 'a' && c2 == 'r') {
          return 3;
        }
        if (c1 == 'a' && c2 == 'y') {
          return 5;
        }
        return -1;
      case 'a':
        if (c1 == 'p' && c2 == 'r') {
          return 4;
        }
        if (c1 == 'u' && c2 == 'g') {
          return 8;
        }
        return -1;
      case 's':
        return c1 == 'e' && c2 == 'p' ? 9 : -1;
      case 'o':
        return c1 == 'c' && c2 == 't' ? 10 : -1;
      case 'n':
        return c1 == 'o' && c2 == 'v' ? 11 : -1;
      case 'd':
        return c1 == 'e' && c2 == 'c' ? 12 : -1;
      default:
        return -1;
    }
  }
}
