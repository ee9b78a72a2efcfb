package io.siodoctor.parsers.har;

import static io.siodoctor.parsers.bytes.ByteSearch.broadcast;
import static io.siodoctor.parsers.bytes.ByteSearch.bytesBelow;
import static io.siodoctor.parsers.bytes.ByteSearch.firstFlagged;
import static io.siodoctor.parsers.bytes.ByteSearch.highBytes;
import static io.siodoctor.parsers.bytes.ByteSearch.word;
import static io.siodoctor.parsers.bytes.ByteSearch.zeroBytes;

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
   * The index of the first byte in {@code b[from, end)} that is not plain printable ASCII string
   * content: '"', '\', a control character or a non-ASCII byte; {@code end} when none.
   */
  static int special(byte[] b, int from, int end) {
    int i = from;
    for (; i + 8 <= end; i += 8) {
      long w = word(b, i);
      long m = zeroBytes(w ^ QUOTES) | zeroBytes(w ^ BACKSLASHES) | bytesBelow(w, ' ') | highBytes(w);
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

  /**
   * Like {@link #special}, stepping over the two-byte escapes (a backslash and one of {@code
   * " \ / b f n r t}) on the way: a minified bundle has one about every 30 bytes, and going back to the caller
   * for each cost more than the scan.
   */
  static int specialAfterEscapes(byte[] b, int from, int end) {
    int i = from;
    while (i + 8 <= end) {
      long w = word(b, i);
      long m = zeroBytes(w ^ QUOTES) | zeroBytes(w ^ BACKSLASHES) | bytesBelow(w, ' ') | highBytes(w);
      if (m == 0) {
        i += 8;
        continue;
      }
      int at = i + firstFlagged(m);
      if (b[at] != '\\' || at + 1 >= end) {
        return at;
      }
      byte e = b[at + 1];
      if (e == 'n' || e == '"' || e == '\\' || e == '/' || e == 't' || e == 'r' || e == 'b' || e == 'f') {
        i = at + 2;
      } else {
        return at;
      }
    }
    return special(b, i, end);
  }

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

  private static boolean hex(byte c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
