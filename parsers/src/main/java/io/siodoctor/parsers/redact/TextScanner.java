package io.siodoctor.parsers.redact;

import java.util.Locale;
import java.util.Set;

/**
 * Finds secrets in free text with a hand-written scanner instead of regular expressions, because the
 * text is untrusted: a backtracking regex over a 1,000-character quoted value overflowed the stack,
 * and one over a 2 MB run of letters took minutes. Every position is visited a bounded number of
 * times (a quoted string is scanned to its closing quote once from each end), nothing recurses, and
 * nesting is a counter, so time is linear in the text and the stack depth is constant.
 *
 * <p>What it masks: JWTs; credentials after {@code Bearer}/{@code Basic}/{@code Digest}; header lines
 * whose value is a credential ({@code Authorization: ...}, {@code Cookie: ...}); {@code name=value},
 * {@code name: value}, {@code "name": "value"} and {@code name='value'} when the name is secret, with
 * objects and arrays under a secret name masked all the way down; Socket.IO CONNECT payloads
 * ({@code 40{...}}, {@code 40/nsp,{...}}), whose every value is a credential except the sid.
 */
final class TextScanner {
  /** Longer "names" are data, not keys: bounds the strings taken out of the text to look up. */
  private static final int MAX_NAME = 128;
  /** Header names whose whole value (to the end of the line) is a credential when quoted in text. */
  private static final Set<String> HEADER_LINES = Set.of(
      "cookie", "set-cookie", "authorization", "proxy-authorization", "x-api-key", "x-auth-token", "x-access-token");

  /**
   * {@code name: value} with neither quoted is prose as often as config ("auth.txt: not a HAR"): its
   * value is masked only under these names (and header names, to the end of the line).
   */
  private static final Set<String> BARE_COLON_NAMES = Set.of(
      "password", "passwd", "pwd", "secret", "token", "access_token", "refresh_token", "id_token", "api_key",
      "apikey", "api-key", "client_secret", "jwt", "pin", "otp");

  private final Redactor redactor;

  TextScanner(Redactor redactor) {
    this.redactor = redactor;
  }

  String scan(String text) {
    Pass p = new Pass(text);
    p.run(0);
    return p.result();
  }

  /** A CONNECT payload that Jackson could not read (cut short, or too deep): masked as one object. */
  String connectPayload(String text) {
    Pass p = new Pass(text);
    int start = 0;
    while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    if (start < text.length() && (text.charAt(start) == '{' || text.charAt(start) == '[')) {
      p.run(p.maskContainer(start, true, Redactions.AUTH));
    } else {
      p.run(0);
    }
    return p.result();
  }

  /** One scan of one text; replacements are copied into a builder only once the first one happens. */
  private final class Pass {
    private final String s;
    private final int n;
    private StringBuilder out;
    private int copied;
    /** After {@code 40/}: a {@code ,{} before the next blank starts the namespace's CONNECT payload. */
    private boolean inConnectNamespace;

    Pass(String s) {
      this.s = s;
      this.n = s.length();
    }

    void replace(int from, int to, String with) {
      if (out == null) {
        out = new StringBuilder(n + 32);
      }
      out.append(s, copied, from).append(with);
      copied = to;
    }

    String result() {
      if (out == null) {
        return s;
      }
      out.append(s, copied, n);
      return out.toString();
    }

    void run(int start) {
      int i = start;
      while (i < n) {
        char c = s.charAt(i);
        if (isNameChar(c)) {
          int j = i + 1;
          while (j < n && isNameChar(s.charAt(j))) {
            j++;
          }
          i = word(i, j);
        } else if (c == '"' || c == '\'') {
          i = quoted(i, c);
        } else if (c == '{' && inConnectNamespace && i > 0 && s.charAt(i - 1) == ',') {
          inConnectNamespace = false;
          i = maskContainer(i, true, Redactions.AUTH);
        } else {
          if (c == '{' || Character.isWhitespace(c)) {
            inConnectNamespace = false;
          }
          i++;
        }
      }
    }

    /** A maximal run of name characters {@code [start, end)}; returns where scanning goes on. */
    private int word(int start, int end) {
      int len = end - start;
      if (len == 2 && s.charAt(start) == '4' && s.charAt(start + 1) == '0' && end < n) {
        if (s.charAt(end) == '{') {
          return maskContainer(end, true, Redactions.AUTH);
        }
        if (s.charAt(end) == '/') {
          inConnectNamespace = true;
        }
        return end;
      }
      if (len <= MAX_NAME && isNameStart(s.charAt(start))) {
        int k = skipBlanks(end);
        if (k < n && (s.charAt(k) == ':' || s.charAt(k) == '=')) {
          int after = assignment(s.substring(start, end), false, k);
          if (after >= 0) {
            return after;
          }
        }
      }
      if (len >= 5 && len <= 6) {
        String w = s.substring(start, end).toLowerCase(Locale.ROOT);
        if (w.equals("bearer") || w.equals("basic") || w.equals("digest") || w.equals("token")) {
          int after = credential(end, w.equals("token"));
          if (after >= 0) {
            return after;
          }
        }
      }
      return jwts(start, end);
    }

    /** A quote at {@code i}: a quoted name followed by {@code :} or {@code =}, or else text to scan inside. */
    private int quoted(int i, char quote) {
      if (i > 0 && s.charAt(i - 1) == '\\') {
        return i + 1;
      }
      int close = closingQuote(i, quote, true);
      if (close < 0) {
        return i + 1;
      }
      int len = close - i - 1;
      if (len >= 1 && len <= MAX_NAME && allNameChars(i + 1, close)) {
        int k = skipBlanks(close + 1);
        if (k < n && (s.charAt(k) == ':' || s.charAt(k) == '=')) {
          int after = assignment(s.substring(i + 1, close), true, k);
          if (after >= 0) {
            return after;
          }
        }
      }
      return i + 1;
    }

    /**
     * {@code name} followed by the separator at {@code sep}: masks the value when the name is secret
     * and returns the position after it, or returns -1 to let scanning go on normally.
     */
    private int assignment(String name, boolean quotedName, int sep) {
      char op = s.charAt(sep);
      if (sep + 1 < n && (s.charAt(sep + 1) == op || (op == '=' && s.charAt(sep + 1) == '>'))) {
        return -1; // ==, ::, => are code, not assignments
      }
      RedactionPolicy policy = redactor.policy();
      String lower = name.toLowerCase(Locale.ROOT);
      boolean sid = lower.equals("sid") && !policy.kept(lower);
      boolean headerLine = op == ':' && !policy.kept(lower)
          && (HEADER_LINES.contains(lower) || (lower.indexOf('-') > 0 && policy.isSecretHeader(lower)));
      boolean secret = !sid && (headerLine || policy.isSecret(name));
      int v = skipBlanks(sep + 1);
      if (v >= n || (!sid && !secret)) {
        return -1;
      }
      String kind = op == '=' && !quotedName ? Redactions.QUERY
          : headerLine ? (lower.contains("cookie") ? Redactions.COOKIE : Redactions.AUTH) : Redactions.FIELD;
      char c = s.charAt(v);
      if (c == '"' || c == '\'') {
        int close = closingQuote(v, c, true);
        if (close < 0) {
          // cut short (a bounded frame, an excerpt): the rest of the line is the secret's start
          int eol = v + 1;
          while (eol < n && s.charAt(eol) != '\n') {
            eol++;
          }
          maskValue(name, sid, v + 1, eol, kind.equals(Redactions.QUERY) ? Redactions.FIELD : kind, false);
          return eol;
        }
        maskValue(name, sid, v + 1, close, kind.equals(Redactions.QUERY) ? Redactions.FIELD : kind, false);
        return close + 1;
      }
      if (c == '{' || c == '[') {
        return sid ? -1 : maskContainer(v, false, kind);
      }
      if (headerLine) {
        int eol = v;
        while (eol < n && s.charAt(eol) != '\n' && s.charAt(eol) != '\r') {
          eol++;
        }
        int from = v;
        if (lower.endsWith("authorization")) {
          int sp = v;
          while (sp < eol && Character.isLetter(s.charAt(sp))) {
            sp++;
          }
          if (sp > v && sp - v < 20 && sp < eol && s.charAt(sp) == ' ') {
            from = sp + 1; // the scheme stays: "Bearer [redacted:auth]"
          }
        }
        if (from < eol && !s.startsWith("[redacted", from)) {
          replace(from, eol, redactor.marker(kind));
        }
        return eol;
      }
      if (op == ':' && !quotedName && !sid && !BARE_COLON_NAMES.contains(lower)) {
        return -1;
      }
      int end = v;
      while (end < n && !(op == '=' ? isQueryStop(s.charAt(end)) : isValueStop(s.charAt(end)))) {
        end++;
      }
      if (end == v) {
        return -1;
      }
      maskValue(name, sid, v, end, kind, quotedName && op == ':');
      return end;
    }

    /** The value {@code [from, to)} of a secret name (or a sid) replaced, unless empty or already masked. */
    private void maskValue(String name, boolean sid, int from, int to, String kind, boolean jsonScalar) {
      if (from >= to || s.startsWith("[redacted", from)) {
        return;
      }
      String value = s.substring(from, to);
      if (sid) {
        String h = redactor.sid(value);
        if (!h.equals(value)) {
          replace(from, to, h);
        }
      } else if (!Redactor.isStatusCode(name, value)) {
        String marker = redactor.marker(kind);
        // "pin": 1234 in JSON text: the marker is a string, so quote it to keep the JSON valid
        replace(from, to, jsonScalar && !isLiteral(value) ? "\"" + marker + "\"" : marker);
      }
    }

    /**
     * Every scalar of the object or array starting at {@code start} masked, at any depth; in a
     * CONNECT payload the value under {@code sid} is the server's session id and stays (or is
     * hashed). An unterminated container is masked to the end of the text. Returns the position
     * after its closing bracket.
     */
    int maskContainer(int start, boolean connect, String kind) {
      int depth = 0;
      String lastKey = null;
      int i = start;
      while (i < n) {
        char c = s.charAt(i);
        if (c == '{' || c == '[') {
          depth++;
          i++;
        } else if (c == '}' || c == ']') {
          depth--;
          i++;
          if (depth <= 0) {
            return i;
          }
        } else if (c == '"' || c == '\'') {
          int close = closingQuote(i, c, false);
          int end = close < 0 ? n : close;
          int k = close < 0 ? n : skipBlanks(close + 1);
          if (k < n && s.charAt(k) == ':') {
            lastKey = end - i - 1 <= MAX_NAME ? s.substring(i + 1, end) : "";
          } else if (connect && "sid".equals(lastKey)) {
            maskValue("sid", true, i + 1, end, kind, false);
          } else {
            maskValue("", false, i + 1, end, kind, false);
          }
          i = close < 0 ? n : close + 1;
        } else if (Character.isDigit(c) || c == '-') {
          int e = i + 1;
          while (e < n && isNumberChar(s.charAt(e))) {
            e++;
          }
          maskValue("", false, i, e, kind, true);
          i = e;
        } else if (isNameStart(c)) {
          int e = i + 1;
          while (e < n && isNameChar(s.charAt(e))) {
            e++;
          }
          int k = skipBlanks(e);
          if (k < n && s.charAt(k) == ':') {
            lastKey = e - i <= MAX_NAME ? s.substring(i, e) : ""; // a JavaScript object's bare key
          }
          i = e; // true, false, null and bare words say nothing secret
        } else {
          i++;
        }
      }
      return n;
    }

    /** {@code Bearer <credential>}: the credential after one or more blanks; -1 when there is none. */
    private int credential(int end, boolean strict) {
      int k = end;
      if (k >= n || (s.charAt(k) != ' ' && s.charAt(k) != '\t')) {
        return -1;
      }
      while (k < n && (s.charAt(k) == ' ' || s.charAt(k) == '\t')) {
        k++;
      }
      int from = k;
      boolean digit = false;
      while (k < n && isCredentialChar(s.charAt(k))) {
        digit |= Character.isDigit(s.charAt(k));
        k++;
      }
      int len = k - from;
      // "token expired" is prose; "token 3f9a...": a credential is long and has digits
      if (len < 8 || (strict && (len < 16 || !digit))) {
        return -1;
      }
      replace(from, k, redactor.marker(Redactions.AUTH));
      return k;
    }

    /** JWTs starting inside the word {@code [start, end)}; returns where scanning goes on. */
    private int jwts(int start, int end) {
      int k = start;
      int resume = end;
      while (k + 3 <= end) {
        if (s.charAt(k) == 'e' && s.startsWith("eyJ", k) && (k == start || !isWordChar(s.charAt(k - 1)))) {
          int jwtEnd = jwtEnd(k);
          if (jwtEnd > 0) {
            replace(k, jwtEnd, redactor.marker(Redactions.JWT));
            k = jwtEnd;
            resume = Math.max(resume, jwtEnd);
            continue;
          }
          // a failed start fails for every later start in the same base64url run: skip it
          int m = k + 3;
          while (m < n && isBase64Url(s.charAt(m))) {
            m++;
          }
          k = m;
        } else {
          k++;
        }
      }
      return Math.max(resume, k);
    }

    /** {@code eyJ<5+>.eyJ<5+>.<signature>} from {@code k}: the end, or -1. */
    private int jwtEnd(int k) {
      int p = base64UrlRun(k + 3);
      if (p - (k + 3) < 5 || p >= n || s.charAt(p) != '.' || !s.startsWith("eyJ", p + 1)) {
        return -1;
      }
      int q = base64UrlRun(p + 4);
      if (q - (p + 4) < 5 || q >= n || s.charAt(q) != '.') {
        return -1;
      }
      q++;
      while (q < n && (isBase64Url(s.charAt(q)) || s.charAt(q) == '+' || s.charAt(q) == '/' || s.charAt(q) == '=')) {
        q++;
      }
      return q;
    }

    private int base64UrlRun(int from) {
      int p = from;
      while (p < n && isBase64Url(s.charAt(p))) {
        p++;
      }
      return p;
    }

    /** The closing quote of the string opening at {@code open} (backslash escapes), or -1. */
    private int closingQuote(int open, char quote, boolean sameLine) {
      for (int i = open + 1; i < n; i++) {
        char c = s.charAt(i);
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          return i;
        } else if (sameLine && c == '\n') {
          return -1;
        }
      }
      return -1;
    }

    /** A quoted name is a key ({@code "x-api-key"}), not a quoted sentence that happens to be followed by a colon. */
    private boolean allNameChars(int from, int to) {
      for (int k = from; k < to; k++) {
        if (!isNameChar(s.charAt(k))) {
          return false;
        }
      }
      return true;
    }

    private int skipBlanks(int from) {
      int k = from;
      while (k < n && (s.charAt(k) == ' ' || s.charAt(k) == '\t')) {
        k++;
      }
      return k;
    }
  }

  private static boolean isLiteral(String value) {
    return value.equals("true") || value.equals("false") || value.equals("null");
  }

  private static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.'
        || c == '-' || c == '$';
  }

  private static boolean isNameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
  }

  private static boolean isWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  private static boolean isBase64Url(char c) {
    return isWordChar(c) || c == '-';
  }

  private static boolean isCredentialChar(char c) {
    return isBase64Url(c) || c == '.' || c == '~' || c == '+' || c == '/' || c == '=';
  }

  private static boolean isNumberChar(char c) {
    return (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';
  }

  /** Where an unquoted {@code name=value} value ends (as in a query string). */
  private static boolean isQueryStop(char c) {
    return c == '&' || Character.isWhitespace(c) || c == '"' || c == '\'' || c == '#' || c == '<' || c == '>'
        || c == ',' || c == ';';
  }

  /** Where an unquoted {@code name: value} value ends. */
  private static boolean isValueStop(char c) {
    return Character.isWhitespace(c) || c == ',' || c == ';' || c == '&' || c == '}' || c == ']' || c == ')'
        || c == '"' || c == '\'' || c == '<' || c == '>';
  }
}
