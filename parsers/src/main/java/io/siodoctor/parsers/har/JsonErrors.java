package io.siodoctor.parsers.har;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.siodoctor.parsers.InputError;

/**
 * Turns Jackson's exceptions into the one line a user sees: "byte 1048576 (line 1, column
 * 1048577): unexpected end of input inside entries[57]". Jackson's own messages name its internals
 * and the source; they are trimmed to the part that describes the input.
 */
public final class JsonErrors {
  private JsonErrors() {}

  static InputError toInputError(
      String file, JsonProcessingException e, JsonLocation fallback, int bomLength, ParsePosition position) {
    return toInputError(file, e, fallback, bomLength, position.toString(), null);
  }

  /**
   * As {@link #toInputError(String, JsonProcessingException, JsonLocation, int, ParsePosition)}, for a
   * parser over a part of the file: {@code shift} (or null) turns its locations into the file's.
   */
  static InputError toInputError(String file, JsonProcessingException e, JsonLocation fallback, int bomLength,
      String position, LocationShift shift) {
    JsonLocation at = e.getLocation() != null ? e.getLocation() : fallback;
    if (shift != null) {
      at = shift.apply(at);
    }
    String inside = " inside " + position;
    String what;
    if (isEndOfInput(e)) {
      what = "unexpected end of input" + inside + " (is the file truncated?)";
    } else if (e instanceof StreamConstraintsException && isNesting(e)) {
      what = "JSON nested deeper than Jackson's limit of " + StreamReadConstraints.DEFAULT_MAX_DEPTH + " levels" + inside
          + " (a HAR is about 6 levels deep: this is not one, or it is damaged)";
    } else if (e instanceof StreamConstraintsException && String.valueOf(e.getOriginalMessage()).contains("Number")) {
      what = "a number longer than Jackson's limit of " + StreamReadConstraints.DEFAULT_MAX_NUM_LEN + " digits" + inside;
    } else if (e instanceof StreamConstraintsException) {
      what = "a string longer than " + HarJson.MAX_STRING_CHARS + " characters" + inside
          + "; it does not fit in this heap (raise -Xmx, e.g. JAVA_OPTS=-Xmx4g)";
    } else {
      what = "invalid JSON" + inside + ": " + shortMessage(e.getOriginalMessage());
    }
    return new InputError(file, where(at, bomLength), what);
  }

  private static boolean isNesting(JsonProcessingException e) {
    return String.valueOf(e.getOriginalMessage()).contains("nesting depth");
  }

  /** Jackson reports the end of input inside an object as a plain parse error, not always an EOF. */
  private static boolean isEndOfInput(JsonProcessingException e) {
    String m = e.getOriginalMessage();
    return e instanceof JsonEOFException || (m != null && m.startsWith("Unexpected end-of-input"));
  }

  /** "byte N (line L, column C)"; character offsets for UTF-16 input, which is read as text. */
  public static String where(JsonLocation at, int bomLength) {
    if (at == null) {
      return "";
    }
    String offset =
        at.getByteOffset() >= 0
            ? "byte " + (at.getByteOffset() + bomLength)
            : "character " + at.getCharOffset();
    return offset + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
  }

  /** The first line of Jackson's message, without its "(start marker at [Source...])" parts. */
  private static String shortMessage(String message) {
    if (message == null) {
      return "unreadable";
    }
    String m = message.lines().findFirst().orElse("");
    int source = m.indexOf(" (start marker at");
    if (source >= 0) {
      m = m.substring(0, source);
    }
    int at = m.indexOf(" at [Source");
    if (at >= 0) {
      m = m.substring(0, at);
    }
    m = hideToken(m);
    return m.length() > 160 ? m.substring(0, 160) + "…" : m;
  }

  /**
   * "Unrecognized token 'hunter2'": Jackson quotes the unquoted word it met, which is the input's
   * data (an unquoted password, a token); only its length is said.
   */
  public static String hideToken(String message) {
    String prefix = "Unrecognized token '";
    int start = message.indexOf(prefix);
    if (start < 0) {
      return message;
    }
    int from = start + prefix.length();
    int end = message.indexOf("':", from);
    if (end < 0) {
      end = message.lastIndexOf('\'');
    }
    if (end < from) {
      return message;
    }
    return message.substring(0, start) + "Unrecognized token of " + (end - from) + " characters"
        + message.substring(end + 1);
  }
}
