package io.siodoctor.parsers.logs;

/**
 * The header a log collector puts before an application's own line: syslog's and journald's
 * {@code Dec 07 14:06:41 host ident[pid]: } ({@code journalctl}, {@code /var/log/syslog}), or
 * {@code host ident[pid]: } after an ISO time the caller has read already (RFC 3339 syslog,
 * {@code journalctl -o short-iso}). A Node server run by systemd with {@code DEBUG} set logs its
 * debug lines, ISO time and all, behind it; python's logging lines too.
 *
 * <p>One reading in two forms, a char scan for the readers that hold a {@code String} and a byte
 * scan for the debug reader's hot loop; {@code SyslogHeaderTest} checks that they agree.
 */
final class SyslogHeader {
  private SyslogHeader() {}

  private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

  /**
   * Where the header at {@code from} ends (the application's line starts there), or {@code from}
   * when there is none.
   *
   * @param timed whether the caller read an ISO time just before {@code from}: then only
   *     {@code host ident[pid]: } follows
   */
  static int end(String s, int from, boolean timed) {
    int n = s.length();
    int p = timed ? from : timeEnd(s, from);
    if (p < 0) {
      return from;
    }
    int host = p;
    while (p < n && (LogUrls.isSidChar(s.charAt(p)) || s.charAt(p) == '.')) {
      p++;
    }
    if (p == host || p >= n || s.charAt(p) != ' ') {
      return from;
    }
    int ident = ++p;
    while (p < n && identChar(s.charAt(p))) {
      p++;
    }
    if (p == ident) {
      return from;
    }
    if (p < n && s.charAt(p) == '[') {
      int q = p + 1;
      while (q < n && digit(s.charAt(q))) {
        q++;
      }
      if (q == p + 1 || q >= n || s.charAt(q) != ']') {
        return from;
      }
      p = q + 1;
    }
    return s.startsWith(": ", p) ? p + 2 : from;
  }

  /** {@link #end(String, int, boolean)} over {@code b[from, e)}. */
  static int end(byte[] b, int from, int e, boolean timed) {
    int p = timed ? from : timeEnd(b, from, e);
    if (p < 0) {
      return from;
    }
    int host = p;
    while (p < e && (LogUrls.isSidChar((char) (b[p] & 0xff)) || b[p] == '.')) {
      p++;
    }
    if (p == host || p >= e || b[p] != ' ') {
      return from;
    }
    int ident = ++p;
    while (p < e && identChar((char) (b[p] & 0xff))) {
      p++;
    }
    if (p == ident) {
      return from;
    }
    if (p < e && b[p] == '[') {
      int q = p + 1;
      while (q < e && Ascii.isDigit(b[q])) {
        q++;
      }
      if (q == p + 1 || q >= e || b[q] != ']') {
        return from;
      }
      p = q + 1;
    }
    return p + 1 < e && b[p] == ':' && b[p + 1] == ' ' ? p + 2 : from;
  }

  private static boolean identChar(char c) {
    return LogUrls.isSidChar(c) || c == '.' || c == '/' || c == '@';
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The end of a leading {@code Mmm dd hh:mm:ss } (the day space-padded or not), or -1. */
  private static int timeEnd(String s, int from) {
    if (s.length() - from < 16 || s.charAt(from + 3) != ' ') {
      return -1;
    }
    int month = 0;
    while (month < 12 && !MONTHS.regionMatches(month * 3, s, from, 3)) {
      month++;
    }
    if (month == 12) {
      return -1;
    }
    int p = s.charAt(from + 4) == ' ' ? from + 5 : from + 4;
    int day = p;
    while (p < s.length() && p < day + 2 && digit(s.charAt(p))) {
      p++;
    }
    if (p == day || p + 10 > s.length() || s.charAt(p) != ' ') {
      return -1;
    }
    p++;
    for (int i = 0; i < 8; i++) {
      char c = s.charAt(p + i);
      if (i == 2 || i == 5 ? c != ':' : !digit(c)) {
        return -1;
      }
    }
    return s.charAt(p + 8) == ' ' ? p + 9 : -1;
  }

  /** {@link #timeEnd(String, int)} over {@code b[from, e)}. */
  private static int timeEnd(byte[] b, int from, int e) {
    if (e - from < 16 || b[from + 3] != ' ') {
      return -1;
    }
    int month = 0;
    while (month < 12 && !(b[from] == MONTHS.charAt(month * 3) && b[from + 1] == MONTHS.charAt(month * 3 + 1)
        && b[from + 2] == MONTHS.charAt(month * 3 + 2))) {
      month++;
    }
    if (month == 12) {
      return -1;
    }
    int p = b[from + 4] == ' ' ? from + 5 : from + 4;
    int day = p;
    while (p < e && p < day + 2 && Ascii.isDigit(b[p])) {
      p++;
    }
    if (p == day || p + 10 > e || b[p] != ' ') {
      return -1;
    }
    p++;
    for (int i = 0; i < 8; i++) {
      byte c = b[p + i];
      if (i == 2 || i == 5 ? c != ':' : !Ascii.isDigit(c)) {
        return -1;
      }
    }
    return b[p + 8] == ' ' ? p + 9 : -1;
  }
}
