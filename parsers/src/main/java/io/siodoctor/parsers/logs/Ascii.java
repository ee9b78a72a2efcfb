package io.siodoctor.parsers.logs;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Allocation-free checks on ASCII text held in a byte array. */
final class Ascii {
  private Ascii() {}

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** Whether a[ao..ao+len) equals b[bo..bo+len). */
  static boolean equals(byte[] a, int ao, byte[] b, int bo, int len) {
    return Arrays.equals(a, ao, ao + len, b, bo, bo + len);
  }

  /**
   * Whether {@code b[from..to)} is ASCII and holds none of the bytes {@code x}, {@code y},
   * {@code z}; eight bytes at a time (SWAR): as a byte loop this check of an access-log URL was
   * 10 % of the access parse.
   */
  static boolean asciiWithout(byte[] b, int from, int to, byte x, byte y, byte z) {
    long px = (x & 0xffL) * ONES;
    long py = (y & 0xffL) * ONES;
    long pz = (z & 0xffL) * ONES;
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long w = (long) LONGS.get(b, i);
      if ((w & HIGHS) != 0 || hasZeroByte(w ^ px) || hasZeroByte(w ^ py) || hasZeroByte(w ^ pz)) {
        return false;
      }
    }
    for (; i < to; i++) {
      byte c = b[i];
      if (c < 0 || c == x || c == y || c == z) {
        return false;
      }
    }
    return true;
  }

  /** Whether any byte of {@code v} is zero (exact: the usual false positives only follow a zero). */
  private static boolean hasZeroByte(long v) {
    return ((v - ONES) & ~v & HIGHS) != 0;
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

  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  /**
   * First index of {@code c} in {@code b[from..end)}, or -1; eight bytes at a time (SWAR, as
   * {@link LineScanner#indexOfNewline}): the quoted fields of an access line are ~200 bytes, and
   * the byte loop was 20 % of its parse.
   */
  static int indexOf(byte[] b, int from, int end, byte c) {
    int i = from;
    int last = end - 8;
    if (i <= last) {
      long pattern = (c & 0xffL) * ONES;
      do {
        long x = (long) LONGS.get(b, i) ^ pattern;
        // a zero byte of x is a match; the lowest flagged byte is always a true one
        long t = (x - ONES) & ~x & HIGHS;
        if (t != 0) {
          return i + (Long.numberOfTrailingZeros(t) >>> 3);
        }
        i += 8;
      } while (i <= last);
    }
    for (; i < end; i++) {
      if (b[i] == c) {
        return i;
      }
    }
    return -1;
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
