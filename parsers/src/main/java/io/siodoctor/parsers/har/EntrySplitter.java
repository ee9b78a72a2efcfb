package io.siodoctor.parsers.har;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Finds the entries of {@code log.entries} in the raw bytes, without parsing them: one byte scan
 * that follows strings (and their escapes) and bracket depth, so that each entry can be parsed on
 * its own, on any core. It accepts only the plain shape, {@code [ {...} , {...} ]} with JSON
 * whitespace between; anything else (the array's end, a non-object element, a missing comma, an
 * entry larger than {@link #MAX_ENTRY_BYTES}, the end of input) stops it where the last whole
 * entry ended, and the rest is read by the plain parser from there ({@link #rest}).
 *
 * <p>Lines are counted outside strings only: a raw line break inside a JSON string is invalid,
 * and the entry that holds one fails in Jackson before any later position is reported.
 */
final class EntrySplitter {
  /** An entry this large is read by the streaming parser: its WebSocket messages may not fit the heap. */
  static final int MAX_ENTRY_BYTES = 16 << 20;
  private static final int READ_BYTES = 1 << 20;

  /** One entry's bytes and where they start in the file (offset after any byte-order mark). */
  record Slice(byte[] bytes, long offset, int line, int column) {}

  private final InputStream in;
  private byte[] buf;
  private int limit;
  private boolean eof;
  /** Where the unconsumed part starts: just after the last whole entry (or the array's '['). */
  private int start;
  private long startOffset;
  private int startLine;
  private int startColumn;
  private boolean first = true;

  /**
   * @param buffered bytes already read past the array's '[' (Jackson's read-ahead)
   * @param offset the file offset just after the '['
   * @param line its line (1-based)
   * @param column its column (1-based)
   */
  EntrySplitter(byte[] buffered, InputStream in, long offset, int line, int column) {
    this.in = in;
    this.buf = Arrays.copyOf(buffered, Math.max(READ_BYTES, buffered.length));
    this.limit = buffered.length;
    this.startOffset = offset;
    this.startLine = line;
    this.startColumn = column;
  }

  /** The next entry, or null when the plain shape ends (then {@link #rest} takes over). */
  Slice next() throws IOException {
    int line = startLine;
    int lineStart = start - (startColumn - 1);
    int i = start;
    boolean cr = false;
    // between entries: whitespace, then ',' (not before the first), whitespace, '{'
    boolean comma = first;
    while (true) {
      if (i == limit) {
        int shift = fill();
        if (shift < 0) {
          return null;
        }
        i -= shift;
        lineStart -= shift;
      }
      byte b = buf[i];
      if (b == '{' && comma) {
        break;
      } else if (b == ',' && !comma) {
        comma = true;
      } else if (b == '\n' || b == '\r') {
        // Jackson's lines: "\r\n" is one break, a lone '\r' or '\n' one each
        if (b == '\r' || !cr) {
          line++;
        }
        lineStart = i + 1;
      } else if (b != ' ' && b != '\t') {
        return null;
      }
      cr = b == '\r';
      i++;
    }
    int entryStart = i;
    int entryLine = line;
    int entryColumn = i - lineStart + 1;
    int depth = 0;
    while (true) {
      if (i == limit) {
        int shift = grow();
        if (shift < 0) {
          return null;
        }
        i -= shift;
        lineStart -= shift;
        entryStart -= shift;
      }
      byte b = buf[i++];
      if (b == '"') {
        // to the closing quote; a backslash escapes the byte after it
        while (true) {
          if (i + 1 >= limit) {
            int shift = grow();
            if (shift < 0) {
              if (i >= limit || buf[i] == '\\') {
                return null;
              }
            } else {
              i -= shift;
              lineStart -= shift;
              entryStart -= shift;
              continue;
            }
          }
          byte c = buf[i];
          if (c == '"') {
            i++;
            break;
          }
          i += c == '\\' ? 2 : 1;
        }
        cr = false;
      } else if (b == '{' || b == '[') {
        depth++;
      } else if (b == '}' || b == ']') {
        if (--depth == 0) {
          break;
        }
      } else if (b == '\n' || b == '\r') {
        if (b == '\r' || !cr) {
          line++;
        }
        lineStart = i;
      }
      cr = b == '\r';
    }
    Slice slice = new Slice(Arrays.copyOfRange(buf, entryStart, i), startOffset + (entryStart - start), entryLine,
        entryColumn);
    startOffset += i - start;
    start = i;
    startLine = line;
    startColumn = i - lineStart + 1;
    first = false;
    return slice;
  }

  /** {@link #fill}, unless the entry being scanned has grown too large for this path. */
  private int grow() throws IOException {
    return limit - start >= MAX_ENTRY_BYTES ? -1 : fill();
  }

  /** Whether an entry was found: the plain parser's rest then starts after one. */
  boolean foundAny() {
    return !first;
  }

  /** The input from just after the last whole entry: the buffered bytes, then the rest of the stream. */
  InputStream rest() {
    return new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(buf, start, limit - start), in);
  }

  long restOffset() {
    return startOffset;
  }

  int restLine() {
    return startLine;
  }

  int restColumn() {
    return startColumn;
  }

  /**
   * Reads more input, first moving the unconsumed part to the front of the buffer (growing it
   * when that part fills it). Returns how far the bytes moved, or -1 at the end of input.
   */
  private int fill() throws IOException {
    if (eof) {
      return -1;
    }
    int shift = start;
    if (shift > 0) {
      System.arraycopy(buf, start, buf, 0, limit - start);
      limit -= start;
      start = 0;
    }
    if (limit == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    int n = in.read(buf, limit, buf.length - limit);
    if (n < 0) {
      // the bytes may have moved: nothing scanned is kept but start, which moved with them
      eof = true;
      return -1;
    }
    limit += n;
    return shift;
  }
}
