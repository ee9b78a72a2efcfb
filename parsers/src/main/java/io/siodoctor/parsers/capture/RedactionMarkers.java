package io.siodoctor.parsers.capture;

import java.util.Locale;

/**
 * The placeholders sanitizers write where they removed a value: Cloudflare's har-sanitizer writes
 * {@code [<mimeType> redacted]} for bodies and {@code [<name> redacted]} for values, others
 * {@code [REDACTED]}, {@code [sanitized]}, {@code [filtered]}. A marker is never a body: the
 * parser treats a body that is one as absent. Checked without regular expressions (bodies are
 * untrusted and may be large).
 */
public final class RedactionMarkers {
  private RedactionMarkers() {}

  /** Longer than any placeholder a sanitizer writes ({@code [application/vnd...+json redacted]}). */
  private static final int MAX_MARKER = 160;
  private static final String[] BRACKETED_ENDINGS = {"redacted]", "sanitized]", "filtered]", "removed]", "masked]",
      "omitted]", "hidden]"};
  private static final String[] BARE = {"redacted", "<redacted>", "(redacted)", "***", "********", "[hidden]",
      "sanitized", "<sanitized>"};

  /** Whether {@code text} as a whole is a sanitizer's placeholder rather than content. */
  public static boolean isMarker(String text) {
    if (text == null) {
      return false;
    }
    String t = text.strip();
    if (t.isEmpty() || t.length() > MAX_MARKER) {
      return false;
    }
    String lower = t.toLowerCase(Locale.ROOT);
    for (String bare : BARE) {
      if (lower.equals(bare)) {
        return true;
      }
    }
    if (lower.charAt(0) != '[' || lower.indexOf('[', 1) >= 0 || lower.indexOf('\n') >= 0) {
      return false;
    }
    for (String ending : BRACKETED_ENDINGS) {
      // "[text/plain redacted]" (Cloudflare), "[redacted:binary]" (sio-doctor sanitize), "[REDACTED]"
      String word = ending.substring(0, ending.length() - 1);
      if (lower.endsWith(ending) || (lower.endsWith("]") && (lower.startsWith("[" + word + ":")
          || lower.startsWith("[" + word + " ")))) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code text} contains a bracketed placeholder anywhere (a redacted query value or header). */
  public static boolean containsMarker(String text) {
    if (text == null || text.indexOf('[') < 0) {
      return false;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    for (String ending : BRACKETED_ENDINGS) {
      if (lower.contains(" " + ending) || lower.contains("[" + ending)) {
        return true;
      }
    }
    return false;
  }
}
