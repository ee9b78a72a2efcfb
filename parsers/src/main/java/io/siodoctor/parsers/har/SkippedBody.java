package io.siodoctor.parsers.har;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * What is kept of a body no rule reads (see {@link BodyRetention}): its size, and its text only
 * when it is short enough to be a sanitizer's placeholder, which the capture profile counts. It is
 * measured from Jackson's character buffer, so no {@code String} is made of a multi-megabyte bundle.
 *
 * @param empty whether the text is ""
 * @param utf8Length the UTF-8 bytes of the text (what {@link HarBodies#utf8Length} counts)
 * @param base64Chars the characters left once ASCII whitespace is removed (base64 text)
 * @param base64Padding the {@code =} among the last two of those characters
 * @param strippedText the text without leading and trailing whitespace when that is at most
 *     {@link #SHORT_CHARS} characters long, else null (then it is no placeholder)
 */
record SkippedBody(boolean empty, long utf8Length, long base64Chars, int base64Padding, String strippedText) {
  /** Longer than any placeholder ({@code RedactionMarkers}' limit is 160 characters). */
  static final int SHORT_CHARS = 512;

  /** Measures the string value that is the parser's current token. */
  static SkippedBody read(JsonParser p) throws IOException {
    char[] chars = p.getTextCharacters();
    int from = p.getTextOffset();
    int end = from + p.getTextLength();
    long utf8 = 0;
    long b64 = 0;
    char last = 0;
    char beforeLast = 0;
    for (int i = from; i < end; i++) {
      char c = chars[i];
      if (c < 0x80) {
        utf8++;
        if (c != ' ' && c != '\t' && c != '\n' && c != 0x0B && c != '\f' && c != '\r') {
          b64++;
          beforeLast = last;
          last = c;
        }
      } else {
        b64++;
        beforeLast = last;
        last = c;
        if (c < 0x800) {
          utf8 += 2;
        } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(chars[i + 1])) {
          utf8 += 4;
          i++;
          b64++;
          beforeLast = c;
          last = chars[i];
        } else {
          utf8 += 3;
        }
      }
    }
    int padding = last == '=' ? (beforeLast == '=' ? 2 : 1) : 0;
    int first = from;
    while (first < end && Character.isWhitespace(chars[first])) {
      first++;
    }
    int stop = end;
    while (stop > first && Character.isWhitespace(chars[stop - 1])) {
      stop--;
    }
    String stripped = stop - first <= SHORT_CHARS ? new String(chars, first, stop - first) : null;
    return new SkippedBody(end == from, utf8, b64, padding, stripped);
  }

  /**
   * A text that is empty, blank or a placeholder exactly when the body is ({@code
   * RedactionMarkers.isMarker} strips it too): what the capture profile and the absent-body check
   * read instead of the body.
   */
  String probe() {
    if (empty) {
      return "";
    }
    if (strippedText == null) {
      return LONG;
    }
    return strippedText.isEmpty() ? " " : strippedText;
  }

  /** No placeholder is this long. */
  private static final String LONG = "x".repeat(SHORT_CHARS + 1);
}
