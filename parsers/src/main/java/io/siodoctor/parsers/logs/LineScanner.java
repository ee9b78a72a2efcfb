package io.siodoctor.parsers.logs;

import io.siodoctor.parsers.bytes.ByteSearch;
import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream into physical lines without decoding it, through one large reusable
 * buffer: the hot loop of every line-oriented log parser. {@code \n}, {@code \r\n} and a lone
 * {@code \r} at the end of a line are line ends; a UTF-8 byte order mark at the very start is
 * skipped. Memory is bounded: a line longer than {@link #MAX_LINE} is cut there and the rest of it
 * is skipped (the handler is told through {@code truncated}).
 */
public final class LineScanner {

  /** Receives each line as a slice of the scanner's buffer, valid only during the call. */
  @FunctionalInterface
  public interface Handler {
    /**
     * @param buf the buffer holding the line
     * @param start first byte of the line
     * @param end one past the last byte, line terminator excluded
     * @param lineNumber 1-based physical line number
     * @param truncated whether the line was longer than {@link #MAX_LINE} and was cut
     */
    void line(byte[] buf, int start, int end, long lineNumber, boolean truncated) throws IOException;
  }

  /** Longest line kept whole (8 MiB); longer ones are cut. */
  public static final int MAX_LINE = 8 << 20;

  private static final int INITIAL = 1 << 20;

  private LineScanner() {}

  /** Reads {@code in} to its end, calling {@code handler} once per line. Returns the line count. */
  public static long scan(InputStream in, Handler handler) throws IOException {
    return scan(in, handler, INITIAL, MAX_LINE);
  }

  static long scan(InputStream in, Handler handler, int initialBuffer, int maxLine)
      throws IOException {
    byte[] buf = new byte[Math.max(initialBuffer, 16)];
    int start = 0; // start of the current (incomplete) line
    int limit = 0; // end of valid data
    long lineNo = 0;
    boolean skipping = false; // inside the rest of an over-long line
    boolean first = true;
    while (true) {
      if (start > 0 && (limit == buf.length || start == limit)) {
        // compact: move the incomplete line to the front
        int len = limit - start;
        if (len > 0) {
          System.arraycopy(buf, start, buf, 0, len);
        }
        limit = len;
        start = 0;
      }
      if (limit == buf.length) {
        // the incomplete line fills the buffer
        if (buf.length < maxLine) {
          byte[] bigger = new byte[(int) Math.min((long) buf.length * 2, maxLine)];
          System.arraycopy(buf, 0, bigger, 0, limit);
          buf = bigger;
        } else {
          // over-long line: emit what we have, skip to its end
          if (!skipping) {
            lineNo++;
            handler.line(buf, 0, limit, lineNo, true);
            skipping = true;
          }
          limit = 0;
          start = 0;
        }
      }
      int n = in.read(buf, limit, buf.length - limit);
      if (n < 0) {
        break;
      }
      int scanFrom = limit;
      limit += n;
      if (first) {
        first = false;
        if (limit >= 3
            && (buf[0] & 0xff) == 0xEF
            && (buf[1] & 0xff) == 0xBB
            && (buf[2] & 0xff) == 0xBF) {
          start = 3;
          scanFrom = Math.max(scanFrom, 3);
        }
      }
      int i = scanFrom;
      final byte[] b = buf;
      final int lim = limit;
      while (true) {
        int nl = ByteSearch.indexOf(b, i, lim, (byte) '\n');
        if (nl < 0) {
          break;
        }
        if (skipping) {
          skipping = false;
        } else {
          int end = nl;
          if (end > start && b[end - 1] == '\r') {
            end--;
          }
          lineNo++;
          handler.line(b, start, end, lineNo, false);
        }
        start = nl + 1;
        i = start;
      }
      if (skipping) {
        // drop everything read so far of the over-long line
        start = limit;
      }
    }
    if (limit > start && !skipping) {
      int end = limit;
      if (buf[end - 1] == '\r') {
        end--;
      }
      lineNo++;
      handler.line(buf, start, end, lineNo, false);
    }
    return lineNo;
  }
}
