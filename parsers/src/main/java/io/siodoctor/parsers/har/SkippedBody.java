package io.siodoctor.parsers.har;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * What is kept of a body no rule reads (see {@link BodyRetention}): its size, and its text only
 * when it is short enough to be a sanitizer's placeholder, which the capture profile counts. No
 * {@code String} is made of a multi-megabyte bundle.
 *
 * <p>The size is the one the entry declares ({@code content.size}, {@code request.bodySize}); only
 * when none was read before the text is it counted from the text, as {@link HarBodies#of} counts.
 *
 * @param empty whether the text is ""
 * @param utf8Length the UTF-8 bytes of the text (what {@link HarBodies#utf8Length} counts); -1 when
 *     not counted
 * @param base64Chars the characters left once ASCII whitespace is removed (base64 text); -1 when
 *     not counted
 * @param base64Padding the {@code =} among the last two of those characters
 * @param shortText the text when it is at most {@link #SHORT_CHARS} characters long, else null
 *     (then it is no placeholder)
 */
record SkippedBody(boolean empty, long utf8Length, long base64Chars, int base64Padding, String shortText) {
  /** Longer than any placeholder ({@code RedactionMarkers}' limit is 160 characters). */
  static final int SHORT_CHARS = 512;

  /**
   * Measures the string value that is the parser's current token.
   *
   * @param count whether to count its length (no size was declared before it)
   */
  static SkippedBody read(JsonParser p, boolean count) throws IOException {
    if (!count) {
      // more than six bytes a character (an escape) in the file: longer than any placeholder
      if (p instanceof SliceParser slice && slice.skipLongString()) {
        return UNREAD;
      }
      int length = p.getTextLength();
      return new SkippedBody(length == 0, -1, -1, 0, length <= SHORT_CHARS ? p.getText() : null);
    }
    char[] chars = p.getTextCharacters();
    int from = p.getTextOffset();
    int end = from + p.getTextLength();
    // one light pass (a bundle is megabytes): UTF-8 length from the count of chars above 0x7F and
    // above 0x7FF (a surrogate pair is 4 bytes, not 3 + 3), base64 length from ASCII whitespace
    long ascii = 0;
    long above7ff = 0;
    long pairs = 0;
    long whitespace = 0;
    for (int i = from; i < end; i++) {
      char c = chars[i];
      if (c < 0x80) {
        ascii++;
        if (c <= ' ' && (c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r')) {
          whitespace++;
        }
      } else if (c >= 0x800) {
        above7ff++;
        if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(chars[i + 1])) {
          pairs++;
          above7ff++;
          i++;
        }
      }
    }
    long length = end - from;
    long utf8 = ascii + 2 * (length - ascii) + above7ff - 2 * pairs;
    int last = end - 1;
    while (last >= from && isAsciiSpace(chars[last])) {
      last--;
    }
    int beforeLast = last - 1;
    while (beforeLast >= from && isAsciiSpace(chars[beforeLast])) {
      beforeLast--;
    }
    int padding = last >= from && chars[last] == '=' ? (beforeLast >= from && chars[beforeLast] == '=' ? 2 : 1) : 0;
    String text = end - from <= SHORT_CHARS ? new String(chars, from, end - from) : null;
    return new SkippedBody(end == from, utf8, length - whitespace, padding, text);
  }

  /** Whether a declared size (a number, or a number as text) was read: then the text is not counted. */
  static boolean declared(JsonNode size) {
    return HarBodies.number(size) >= 0;
  }

  /**
   * A text that is empty, blank or a placeholder exactly when the body is: what the capture profile
   * and the absent-body check read instead of the body.
   */
  String probe() {
    return shortText == null ? LONG : shortText;
  }

  /** The size the record gives: the declared one, else the counted one, else unknown. */
  long size(boolean base64, long declaredSize) {
    if (declaredSize >= 0) {
      return declaredSize;
    }
    long counted = base64 ? (base64Chars < 0 ? -1 : Math.max(0, base64Chars * 3 / 4 - base64Padding)) : utf8Length;
    return counted >= 0 ? counted : -1;
  }

  /** A long body stepped over unread: what reading it would give when no size is counted. */
  private static final SkippedBody UNREAD = new SkippedBody(false, -1, -1, 0, null);

  /** No placeholder is this long. */
  private static final String LONG = "x".repeat(SHORT_CHARS + 1);

  /** What {@code \\s} matches: the whitespace base64 text may carry. */
  private static boolean isAsciiSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

}
