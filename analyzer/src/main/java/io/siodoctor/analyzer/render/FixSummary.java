package io.siodoctor.analyzer.render;

/**
 * Splits a fix (Markdown) into what the answer shows at once — the opening paragraph up to and
 * including the first config snippet — and the rest (other platforms, caveats), one click away.
 * Cut on lines only, never inside a code fence, so both halves are valid Markdown.
 */
final class FixSummary {
  private FixSummary() {}

  record Parts(String head, String rest) {}

  static Parts split(String markdown) {
    if (markdown == null || markdown.isBlank()) {
      return new Parts("", "");
    }
    String[] lines = markdown.replace("\r\n", "\n").split("\n", -1);
    boolean inFence = false;
    int firstBlank = -1;
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i].strip();
      if (l.startsWith("```")) {
        if (inFence) {
          return parts(lines, i + 1);
        }
        inFence = true;
      } else if (!inFence && l.isEmpty() && firstBlank < 0 && i > 0) {
        firstBlank = i;
      }
      // no snippet in the first 24 lines: the opening paragraph is the summary
      if (!inFence && i >= 24 && firstBlank > 0) {
        return parts(lines, firstBlank);
      }
    }
    return firstBlank > 0 && !inFence ? parts(lines, firstBlank) : new Parts(markdown, "");
  }

  private static Parts parts(String[] lines, int cut) {
    String head = String.join("\n", java.util.Arrays.copyOfRange(lines, 0, cut));
    String rest = String.join("\n", java.util.Arrays.copyOfRange(lines, cut, lines.length)).strip();
    return new Parts(head, rest);
  }
}
