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

  /** Strings this long are noted in {@link Slice#longStrings}: more than six bytes a character longer than a placeholder. */
  static final int LONG_STRING_BYTES = 6 * SkippedBody.SHORT_CHARS + 1;

  /**
   * One entry's bytes, {@code bytes[from, to)}, and where they start in the file (offset after any
   * byte-order mark).
   *
   * @param longStrings the strings of at least {@link #LONG_STRING_BYTES} bytes whose every byte
   *     Jackson reads without complaint, as pairs: where the content starts (after the quote), where
   *     the closing quote is, counted from {@code from}; in order
   * @param window the lanes' window {@code bytes} is, given back once the entry is read; null when
   *     the bytes are the entry's own
   */
  record Slice(byte[] bytes, int from, int to, long offset, int line, int column, int[] longStrings,
      EntryLanes.Window window) {
    int length() {
      return to - from;
    }

    /** The same entry at another line and column (a lane's guessed start, once believed). */
    Slice at(int newLine, int newColumn) {
      return new Slice(bytes, from, to, offset, newLine, newColumn, longStrings, window);
    }
  }

  /** The rest of the input after {@link #buf}'s bytes; null for a lane ({@link #lane}). */
  private final InputStream in;
  /** A lane: whether its window's end is the input's end (else running into it is an {@link #overrun}). */
  private final boolean windowAtEnd;
  /** A lane's window, which its slices hold on to; null for a stream. */
  private final EntryLanes.Window window;
  private boolean overrun;
  // where a lane stopped: the start of the first entry at or after its stop index, not scanned
  private int stopIndex = -1;
  private int stopLine;
  private int stopColumn;
  // the scan of the current entry (fill() moves the indexes with the bytes)
  private int line;
  private int lineStart;
  private boolean cr;
  private int entryStart;
  private int[] longStrings = new int[16];
  private int longCount;
  private byte[] buf;
  private int limit;
  private boolean eof;
  /** Where the unconsumed part starts: just after the last whole entry (or the array's '['). */
  private int start;
  private long startOffset;
  private int startLine;
  private int startColumn;
  private boolean first = true;
  /** Whether this splitter has found an entry (a lane may start at an entry's '{', so not {@code !first}). */
  private boolean found;

  /**
   * @param buffered bytes already read past the array's '[' (Jackson's read-ahead)
   * @param offset the file offset just after the '['
   * @param line its line (1-based)
   * @param column its column (1-based)
   */
  EntrySplitter(byte[] buffered, InputStream in, long offset, int line, int column) {
    this.in = in;
    this.windowAtEnd = false;
    this.window = null;
    this.buf = Arrays.copyOf(buffered, Math.max(READ_BYTES, buffered.length));
    this.limit = buffered.length;
    this.startOffset = offset;
    this.startLine = line;
    this.startColumn = column;
  }

  /**
   * A lane of {@link EntryLanes}: scans {@code window[from, end)} only, never moving or changing
   * its bytes (other lanes read the same window).
   *
   * @param windowAtEnd whether {@code end} is the end of the input
   * @param offset the file offset of {@code window[from]}
   * @param line its line (1-based)
   * @param column its column (1-based)
   * @param first whether an entry may come without a comma first (just after the '[', or at an entry's '{')
   */
  private EntrySplitter(EntryLanes.Window window, int from, int end, boolean windowAtEnd, long offset, int line,
      int column, boolean first) {
    this.in = null;
    this.windowAtEnd = windowAtEnd;
    this.window = window;
    this.buf = window.bytes();
    this.start = from;
    this.limit = end;
    this.eof = true;
    this.startOffset = offset;
    this.startLine = line;
    this.startColumn = column;
    this.first = first;
  }

  static EntrySplitter lane(EntryLanes.Window window, int from, int end, boolean windowAtEnd, long offset, int line,
      int column, boolean first) {
    return new EntrySplitter(window, from, end, windowAtEnd, offset, line, column, first);
  }

  /** The next entry, or null when the plain shape ends (then {@link #rest} takes over). */
  Slice next() throws IOException {
    return next(Integer.MAX_VALUE);
  }

  /**
   * The next entry; null when the plain shape ends, when a lane runs out of its window ({@link
   * #overrun}), or when the next entry starts at or after {@code stop} (a buffer index; never the
   * first entry this splitter finds): then {@link #stopIndex} says where, and nothing of it is read.
   */
  Slice next(int stop) throws IOException {
    line = startLine;
    lineStart = start - (startColumn - 1);
    cr = false;
    int i = start;
    // between entries: whitespace, then ',' (not before the first), whitespace, '{'
    boolean comma = first;
    while (true) {
      if (i == limit) {
        int shift = fill();
        if (shift < 0) {
          return null;
        }
        i -= shift;
      }
      byte b = buf[i];
      if (b == '{' && comma) {
        break;
      } else if (b == ',' && !comma) {
        comma = true;
      } else if (b != ' ' && b != '\t' && !lineBreak(b, i + 1)) {
        return null;
      }
      cr = b == '\r';
      i++;
    }
    entryStart = i;
    longCount = 0;
    int entryLine = line;
    int entryColumn = i - lineStart + 1;
    if (i >= stop && found) {
      stopIndex = i;
      stopLine = entryLine;
      stopColumn = entryColumn;
      return null;
    }
    int depth = 0;
    while (true) {
      if (i == limit) {
        int shift = grow();
        if (shift < 0) {
          return null;
        }
        i -= shift;
      }
      byte b = buf[i++];
      if (b == '"') {
        i = string(i);
        if (i < 0) {
          return null;
        }
      } else if (b == '{' || b == '[') {
        depth++;
      } else if (b == '}' || b == ']') {
        if (--depth == 0) {
          break;
        }
      } else {
        lineBreak(b, i);
      }
      cr = b == '\r';
    }
    long entryOffset = startOffset + (entryStart - start);
    int[] strings = Arrays.copyOf(longStrings, longCount);
    // a lane's window stays as it is until its entries are read; a stream's buffer moves on
    Slice slice = in == null
        ? new Slice(buf, entryStart, i, entryOffset, entryLine, entryColumn, strings, window)
        : new Slice(Arrays.copyOfRange(buf, entryStart, i), 0, i - entryStart, entryOffset, entryLine, entryColumn,
            strings, null);
    startOffset += i - start;
    start = i;
    startLine = line;
    startColumn = i - lineStart + 1;
    first = false;
    found = true;
    return slice;
  }

  /** Counts a line break as Jackson does ("\r\n" is one, a lone '\r' or '\n' one each); false for other bytes. */
  private boolean lineBreak(byte b, int next) {
    if (b != '\n' && b != '\r') {
      return false;
    }
    if (b == '\r' || !cr) {
      line++;
    }
    lineStart = next;
    return true;
  }

  /**
   * Scans the string whose content starts at {@code i} to its closing quote, noting it in {@link
   * #longStrings} when it is long and Jackson would read every byte of it without complaint.
   * Returns the index after the quote, or -1 when the input or this path's entry size ends first.
   */
  private int string(int i) throws IOException {
    int content = i;
    boolean valid = true;
    while (true) {
      int at = JsonStrings.specialAfterEscapes(buf, i, limit);
      int n = -1;
      if (at < limit) {
        int c = buf[at] & 0xFF;
        if (c == '"') {
          i = at + 1;
          break;
        } else if (c == '\\') {
          n = JsonStrings.escape(buf, at, limit);
          if (n == 0) {
            // invalid, but a backslash still takes the byte after it with it
            valid = false;
            n = at + 1 < limit ? 2 : -1;
          }
        } else {
          n = c < 0x80 ? 0 : JsonStrings.utf8Sequence(buf, at, limit);
          if (n == 0) {
            valid = false;
            n = 1;
          }
        }
      }
      if (n > 0) {
        i = at + n;
        continue;
      }
      // the buffer ends inside the string (or inside an escape or a character): read on
      int shift = grow();
      if (shift < 0) {
        return -1;
      }
      i = at - shift;
      content -= shift;
    }
    if (valid && i - 1 - content >= LONG_STRING_BYTES) {
      if (longCount + 2 > longStrings.length) {
        longStrings = Arrays.copyOf(longStrings, longStrings.length * 2);
      }
      longStrings[longCount++] = content - entryStart;
      longStrings[longCount++] = i - 1 - entryStart;
    }
    return i;
  }

  /** {@link #fill}, unless the entry being scanned has grown too large for this path. */
  private int grow() throws IOException {
    return limit - start >= MAX_ENTRY_BYTES ? -1 : fill();
  }


  /** Whether an entry was found: the plain parser's rest then starts after one. */
  boolean foundAny() {
    return found;
  }

  /** Whether this lane's last {@link #next} ended at its window's end, with more input after it. */
  boolean overrun() {
    return overrun;
  }

  /** Where the last {@link #next} stopped at its stop index (a buffer index), or -1. */
  int stopIndex() {
    return stopIndex;
  }

  int stopLine() {
    return stopLine;
  }

  int stopColumn() {
    return stopColumn;
  }

  /** Where the unconsumed part starts: a buffer index (for a lane, an index into its window). */
  int restIndex() {
    return start;
  }

  /** Whether the next entry may come without a comma first. */
  boolean atFirst() {
    return first;
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
    if (in == null) {
      // a lane's window is all it has
      overrun = !windowAtEnd;
      return -1;
    }
    if (eof) {
      return -1;
    }
    int shift = start;
    if (shift > 0) {
      System.arraycopy(buf, start, buf, 0, limit - start);
      limit -= start;
      start = 0;
      lineStart -= shift;
      entryStart -= shift;
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
