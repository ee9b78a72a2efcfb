package io.siodoctor.parsers.bytes;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Searching byte arrays eight bytes at a time (SWAR: SIMD within a register), the one place that
 * does it (Lucene's {@code BitUtil} is the model): line ends for {@code LineScanner}, field
 * delimiters and the checks of access-log URLs for the log parsers. Each method answers exactly as
 * the obvious byte loop does ({@code ByteSearchTest} compares them on every range).
 */
public final class ByteSearch {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  private ByteSearch() {}

  /**
   * The first index of {@code c} in {@code b[from..to)}, or -1. A byte loop over the ~200-byte
   * quoted fields of an access line was 20 % of its parse, and over whole files the line-end search.
   */
  public static int indexOf(byte[] b, int from, int to, byte c) {
    int i = from;
    int last = to - 8;
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
    for (; i < to; i++) {
      if (b[i] == c) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Whether {@code b[from..to)} is ASCII and holds none of the bytes {@code x}, {@code y},
   * {@code z}: as a byte loop this check of an access-log URL was 10 % of the access parse.
   */
  public static boolean asciiWithout(byte[] b, int from, int to, byte x, byte y, byte z) {
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
}
