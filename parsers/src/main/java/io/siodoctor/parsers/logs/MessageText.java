package io.siodoctor.parsers.logs;

import io.siodoctor.parsers.bytes.ByteSearch;

/**
 * A log message as the recognisers test it: the UTF-8 bytes of a line in the scanner's buffer, or
 * a String (JSON lines, console lines). The tests a recogniser dispatches on (its first character,
 * ASCII prefixes, whether an ASCII string occurs anywhere) answer on the bytes exactly as on the
 * decoded String (an ASCII byte decodes to itself and is never part of another character), so a
 * line that says nothing is read without ever being decoded: about four lines in five of a debug
 * log, which a batch scan's rules do not read. What a recognised message says is taken from its
 * String ({@link #string}), decoded once.
 */
abstract class MessageText {

  /** The message as a String (decoded on first use for bytes). */
  abstract String string();

  /** Its first character, or 0 when empty; for bytes, the first byte (a non-ASCII one matches no ASCII case). */
  abstract char first();

  abstract boolean isEmpty();

  /** Whether the ASCII string {@code prefix} occurs at {@code at}, all characters before it being ASCII. */
  abstract boolean startsWith(String prefix, int at);

  final boolean startsWith(String prefix) {
    return startsWith(prefix, 0);
  }

  /** Whether the message ends with the ASCII character {@code c}. */
  abstract boolean endsWith(char c);

  /** Whether the message is exactly the ASCII string {@code s}. */
  abstract boolean is(String s);

  /** Which of the ASCII characters {@code x} and {@code y} occur: bit 1 for {@code x}, bit 2 for {@code y}. */
  abstract int occurring(char x, char y);

  /**
   * Whether the ASCII string {@code s} occurs; {@code anchor} is the index in {@code s} of a
   * character rare in log lines, which bytes are searched for first.
   */
  abstract boolean contains(String s, int anchor);

  /** A String's message. */
  static MessageText of(String s) {
    return new Chars(s);
  }

  /** A message held as a String. */
  private static final class Chars extends MessageText {
    private final String s;

    Chars(String s) {
      this.s = s;
    }

    @Override
    String string() {
      return s;
    }

    @Override
    char first() {
      return s.isEmpty() ? 0 : s.charAt(0);
    }

    @Override
    boolean isEmpty() {
      return s.isEmpty();
    }

    @Override
    boolean startsWith(String prefix, int at) {
      return s.startsWith(prefix, at);
    }

    @Override
    boolean endsWith(char c) {
      return !s.isEmpty() && s.charAt(s.length() - 1) == c;
    }

    @Override
    boolean is(String other) {
      return s.equals(other);
    }

    @Override
    int occurring(char x, char y) {
      return (s.indexOf(x) >= 0 ? 1 : 0) | (s.indexOf(y) >= 0 ? 2 : 0);
    }

    @Override
    boolean contains(String other, int anchor) {
      return s.indexOf(other) >= 0;
    }
  }

  /**
   * A message held as UTF-8 bytes {@code b[from..to)} of a line buffer: one per parse state, pointed
   * at each line's message in turn ({@link #set}), valid while the buffer holds the line.
   */
  static final class Bytes extends MessageText {
    private byte[] b;
    private int from;
    private int to;
    private String decoded;

    /** Points this at {@code b[from..to)}. */
    Bytes set(byte[] buf, int start, int end) {
      b = buf;
      from = start;
      to = end;
      decoded = null;
      return this;
    }

    @Override
    String string() {
      String s = decoded;
      if (s == null) {
        s = Ascii.str(b, from, to);
        decoded = s;
      }
      return s;
    }

    @Override
    char first() {
      return from < to ? (char) (b[from] & 0xff) : 0;
    }

    @Override
    boolean isEmpty() {
      return from >= to;
    }

    @Override
    boolean startsWith(String prefix, int at) {
      return at >= 0 && Ascii.startsWith(b, from + at, to, prefix);
    }

    @Override
    boolean endsWith(char c) {
      return to > from && b[to - 1] == c;
    }

    @Override
    boolean is(String s) {
      return to - from == s.length() && Ascii.startsWith(b, from, to, s);
    }

    @Override
    int occurring(char x, char y) {
      return ByteSearch.occurring(b, from, to, (byte) x, (byte) y);
    }

    @Override
    boolean contains(String s, int anchor) {
      byte a = (byte) s.charAt(anchor);
      int last = to - s.length() + anchor; // the last place the anchor can be
      int i = from + anchor;
      while (i <= last) {
        int k = ByteSearch.indexOf(b, i, last + 1, a);
        if (k < 0) {
          return false;
        }
        if (Ascii.startsWith(b, k - anchor, to, s)) {
          return true;
        }
        i = k + 1;
      }
      return false;
    }
  }
}
