package io.siodoctor.parsers.har;

import static io.siodoctor.parsers.bytes.ByteSearch.broadcast;
import static io.siodoctor.parsers.bytes.ByteSearch.firstFlagged;
import static io.siodoctor.parsers.bytes.ByteSearch.word;
import static io.siodoctor.parsers.bytes.ByteSearch.zeroBytes;
import static io.siodoctor.parsers.bytes.ByteSearch.zeroBytesExact;

/**
 * Byte searches inside JSON strings, eight bytes at a time: most of a real HAR's bytes are in a
 * few long strings (bundles, base64 images), and a byte-by-byte loop over them cost more than
 * Jackson's whole parse of the rest. The word steps are {@link io.siodoctor.parsers.bytes.ByteSearch}'s.
 */
final class JsonStrings {
  private static final long QUOTES = broadcast((byte) '"');
  private static final long BACKSLASHES = broadcast((byte) '\\');

  private JsonStrings() {}

  /** The index of the first '"' or '\\' in {@code b[from, end)}, or {@code end}. */
  static int quoteOrBackslash(byte[] b, int from, int end) {
    int i = from;
    for (; i + 8 <= end; i += 8) {
      long w = word(b, i);
      long m = zeroBytes(w ^ QUOTES) | zeroBytes(w ^ BACKSLASHES);
      if (m != 0) {
        // the lowest flag is exact (a borrow only flags bytes above a real match)
        return i + firstFlagged(m);
      }
    }
    for (; i < end; i++) {
      byte c = b[i];
      if (c == '"' || c == '\\') {
        return i;
      }
    }
    return end;
  }

  /**
   * The index of the first '"' in {@code b[from, end)} whose byte before is not a backslash, or -1.
   * A bundle's text escapes every quote it holds ({@code \\"}, one every ~60 bytes): a search for an
   * entry's opening brace by the quote after it went back to its caller for each of them; this one
   * goes through a bundle eight bytes at a time. (Such a quote may still end a string after an
   * escaped backslash: its caller's own test of the byte before rejects it all the same.)
   */
  static int quoteNotAfterBackslash(byte[] b, int from, int end) {
    int i = from;
    // the backslash flag of the byte before the word (its high bit moved down to bit 7)
    long before = from > 0 && b[from - 1] == '\\' ? 0x80L : 0;
    for (; i + 8 <= end; i += 8) {
      long w = word(b, i);
      long quotes = zeroBytesExact(w ^ QUOTES);
      if (quotes != 0) {
        long backslashes = zeroBytesExact(w ^ BACKSLASHES);
        long m = quotes & ~((backslashes << 8) | before);
        if (m != 0) {
          return i + firstFlagged(m);
        }
        before = (backslashes >>> 56) & 0x80L;
      } else {
        before = b[i + 7] == '\\' ? 0x80L : 0;
      }
    }
    for (; i < end; i++) {
      if (b[i] == '"' && (i == 0 || b[i - 1] != '\\')) {
        return i;
      }
    }
    return -1;
  }


  /**
   * The index of the first byte in {@code b[from, end)} that is not plain printable ASCII string
   * content: '"', '\', a control character or a non-ASCII byte; {@code end} when none.
   */
  static int special(byte[] b, int from, int end) {
    int i = from;
    for (; i + 8 <= end; i += 8) {
      long w = word(b, i);
      long m = exactSpecialFlags(w);
      if (m != 0) {
        return i + firstFlagged(m);
      }
    }
    for (; i < end; i++) {
      int c = b[i] & 0xFF;
      if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) {
        return i;
      }
    }
    return end;
  }

  private static final long HIGHS = 0x8080808080808080L;

  /**
   * Like {@link #special}, stepping over the escapes Jackson reads (a backslash and one of {@code
   * " \ / b f n r t}, or {@code u} and four hex digits) on the way. A minified bundle has an escape
   * about every 20 bytes (mostly {@code \n} and {@code \"}): the flags of a word are exact for every
   * byte ({@link #exactSpecialFlags}), so the escapes inside one word are stepped over with the flags
   * already made rather than by loading and testing the word again from the byte after each (which
   * was most of a real HAR's entry scan).
   */
  static int specialAfterEscapes(byte[] b, int from, int end) {
    int i = from;
    words:
    while (i + 8 <= end) {
      // exactSpecialFlags(w), written out: the quick compiler inlines no method of more than 35 bytecodes
      long w = word(b, i);
      long low = w & ~HIGHS;
      long m = (w | ~((low + BELOW_SPACE) & ((low ^ QUOTES) + SEVEN_BITS) & ((low ^ BACKSLASHES) + SEVEN_BITS))) & HIGHS;
      while (m != 0) {
        int k = firstFlagged(m);
        int at = i + k;
        if (b[at] != '\\' || at + 1 >= end) {
          return at;
        }
        // one table look-up rather than eight comparisons (the quick compiler keeps them all)
        int n = ESCAPES[b[at + 1] & 0xFF];
        if (n == 2 && k < 6) {
          // the escape and its byte are inside this word: on to the flags after them
          m &= -1L << ((k + 2) << 3);
        } else if (n == 2 || n == 6 && at + 6 <= end && isHex(b[at + 2]) && isHex(b[at + 3])
            && isHex(b[at + 4]) && isHex(b[at + 5])) {
          i = at + n;
          continue words;
        } else {
          return at;
        }
      }
      i += 8;
    }
    return special(b, i, end);
  }

  /**
   * The high bit of every byte of {@code w} that is '"', '\\', a control character or non-ASCII,
   * exact for each byte (no borrow crosses bytes: the sums below stay within a byte, unlike
   * {@link io.siodoctor.parsers.bytes.ByteSearch#zeroBytes}, which is exact only up to the lowest).
   */
  static long exactSpecialFlags(long w) {
    long low = w & ~HIGHS;
    // a 7-bit byte plus 0x60 reaches 0x80 unless it is below ' '; plus 0x7f unless it is zero
    long printable = low + BELOW_SPACE;
    long notQuote = (low ^ QUOTES) + SEVEN_BITS;
    long notBackslash = (low ^ BACKSLASHES) + SEVEN_BITS;
    return (w | ~(printable & notQuote & notBackslash)) & HIGHS;
  }

  private static final long SEVEN_BITS = 0x7f7f7f7f7f7f7f7fL;
  private static final long BELOW_SPACE = broadcast((byte) 0x60);

  /**
   * The length of the escape at {@code i} (a backslash) when Jackson reads it without complaint,
   * 0 when it is invalid, -1 when its bytes go past {@code end}.
   */
  static int escape(byte[] b, int i, int end) {
    if (i + 1 >= end) {
      return -1;
    }
    switch (b[i + 1]) {
      case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
        return 2;
      case 'u':
        if (i + 6 > end) {
          return -1;
        }
        return hex(b[i + 2]) && hex(b[i + 3]) && hex(b[i + 4]) && hex(b[i + 5]) ? 6 : 0;
      default:
        return 0;
    }
  }

  /**
   * The length of the well-formed UTF-8 sequence at {@code i} (RFC 3629's table: stricter than
   * Jackson, which lets overlong forms and surrogates through), 0 when it is not one, -1 when its
   * bytes go past {@code end}.
   */
  static int utf8Sequence(byte[] b, int i, int end) {
    int c = b[i] & 0xFF;
    int n;
    int lo = 0x80;
    int hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      n = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 3;
      lo = c == 0xE0 ? 0xA0 : 0x80;
      hi = c == 0xED ? 0x9F : 0xBF;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 4;
      lo = c == 0xF0 ? 0x90 : 0x80;
      hi = c == 0xF4 ? 0x8F : 0xBF;
    } else {
      return 0;
    }
    if (i + n > end) {
      return -1;
    }
    int second = b[i + 1] & 0xFF;
    if (second < lo || second > hi) {
      return 0;
    }
    for (int k = 2; k < n; k++) {
      if ((b[i + k] & 0xC0) != 0x80) {
        return 0;
      }
    }
    return n;
  }

  /** The length of the escape a byte after a backslash starts: 2, 6 for {@code u} (with its four hex digits), 0 when invalid. */
  private static final byte[] ESCAPES = new byte[256];
  private static final boolean[] HEX = new boolean[256];

  static {
    for (char c : "\"\\/bfnrt".toCharArray()) {
      ESCAPES[c] = 2;
    }
    ESCAPES['u'] = 6;
    for (int c = 0; c < 256; c++) {
      HEX[c] = hex((byte) c);
    }
  }

  private static boolean isHex(byte c) {
    return HEX[c & 0xFF];
  }

  private static boolean hex(byte c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
