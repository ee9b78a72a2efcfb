package io.siodoctor.parsers.record;

import io.siodoctor.parsers.redact.SecretMasker;

/** Helpers that make one-line, bounded excerpts of raw text. */
public final class Excerpts {
  private Excerpts() {}

  /**
   * Control characters (the Engine.IO record separator U+001E among them) become visible escapes
   * and the text is cut to {@code max} characters with an ellipsis. Text that has to be cut is
   * masked first: a secret cut in half is no longer recognisable, and its first characters would
   * survive the masking that reports apply later.
   */
  public static String oneLine(String text, int max) {
    if (text.length() > max) {
      text = SecretMasker.mask(text);
    }
    StringBuilder sb = new StringBuilder(Math.min(text.length(), max) + 8);
    for (int i = 0; i < text.length() && sb.length() < max; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\r') {
        sb.append("\\r");
      } else if (c == '\t') {
        sb.append(' ');
      } else if (c < 0x20 || c == 0x7f) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    if (sb.length() >= max && text.length() > max) {
      sb.setLength(max);
      sb.append('…');
    }
    return sb.toString();
  }
}
