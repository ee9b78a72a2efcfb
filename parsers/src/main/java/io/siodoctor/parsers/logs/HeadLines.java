package io.siodoctor.parsers.logs;

import com.fasterxml.jackson.core.format.MatchStrength;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The complete lines at the head of an input, for sniffing. */
final class HeadLines {
  private HeadLines() {}

  /**
   * Up to {@code max} lines of {@code head[0..length)}, UTF-8 decoded, BOM and line terminators
   * removed. A last line without a terminator is kept only when it is the only line (the head may
   * have cut it).
   */
  static List<String> of(byte[] head, int length, int max) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    if (length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB
        && (head[2] & 0xff) == 0xBF) {
      start = 3;
    }
    int i = start;
    while (i < length && lines.size() < max) {
      if (head[i] == '\n') {
        int end = i;
        if (end > start && head[end - 1] == '\r') {
          end--;
        }
        lines.add(new String(head, start, end - start, StandardCharsets.UTF_8));
        start = i + 1;
      }
      i++;
    }
    if (lines.size() < max && start < length && lines.isEmpty()) {
      int end = length;
      if (head[end - 1] == '\r') {
        end--;
      }
      lines.add(new String(head, start, end - start, StandardCharsets.UTF_8));
    }
    return lines;
  }

  /** Non-blank lines only. */
  static List<String> nonBlank(byte[] head, int length, int max) {
    List<String> all = of(head, length, max);
    List<String> out = new ArrayList<>(all.size());
    for (String s : all) {
      if (!s.isBlank()) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * The non-blank lines of a head of plain text lines, for the formats whose lines are neither
   * JSON nor binary: none when the head is empty, binary, or starts with {@code {} or {@code [}.
   */
  static List<String> textLines(byte[] head, int length, int max) {
    int first = firstNonSpace(head, length);
    if (first == '{' || first == '[' || first < 0 || binary(head, length)) {
      return List.of();
    }
    return nonBlank(head, length, max);
  }

  /** Whether the head looks binary: NUL bytes or many control characters. */
  static boolean binary(byte[] head, int length) {
    int ctl = 0;
    int n = Math.min(length, 8192);
    for (int i = 0; i < n; i++) {
      int c = head[i] & 0xff;
      if (c == 0) {
        return true;
      }
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != 0x1b) {
        ctl++;
      }
    }
    return n > 0 && ctl * 20 > n;
  }

  /** The first non-whitespace byte (after a BOM), or -1. */
  static int firstNonSpace(byte[] head, int length) {
    int i = 0;
    if (length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB
        && (head[2] & 0xff) == 0xBF) {
      i = 3;
    }
    for (; i < length; i++) {
      byte c = head[i];
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
        return c;
      }
    }
    return -1;
  }

  /**
   * Whether at least one, and at least half, of the first 100 non-blank lines of a text head are
   * read by {@code line} (a parser's own line reader, {@link LineLogParser#readsLine}): the
   * detection rule of the line-oriented proxy formats.
   */
  static boolean mostlyMatch(byte[] head, int length, java.util.function.Predicate<String> line) {
    if (binary(head, length)) {
      return false;
    }
    List<String> lines = nonBlank(head, length, 100);
    int ok = 0;
    for (String l : lines) {
      if (line.test(l)) {
        ok++;
      }
    }
    return ok >= 1 && ok * 2 >= lines.size();
  }

  /**
   * The strength of a detection that accepts one line of its format among other output (an
   * application's prints between a server's lines): {@code strong} when {@code line} (a parser's
   * own line reader) reads at least one of the head's {@code lines} and none marks the head as a
   * document ({@link #documentMark}); in a document, which may quote log lines, {@code WEAK_MATCH}
   * when the lines read are at least half of it (a log pasted under a heading), else {@code
   * NO_MATCH}.
   */
  static MatchStrength amongOutput(List<String> lines, Predicate<String> line, MatchStrength strong) {
    int read = 0;
    boolean document = false;
    for (String l : lines) {
      if (line.test(l)) {
        read++;
      } else if (!document && documentMark(l)) {
        document = true;
      }
    }
    if (read == 0) {
      return MatchStrength.NO_MATCH;
    }
    if (!document) {
      return strong;
    }
    return read * 2 >= lines.size() ? MatchStrength.WEAK_MATCH : MatchStrength.NO_MATCH;
  }

  /**
   * Whether a line marks its input as a document rather than a log: a Markdown code fence or
   * heading, a table row, or a source code comment. No logging format starts a line so, and a
   * document that quotes log lines is no log ({@link #amongOutput}).
   */
  static boolean documentMark(String line) {
    if (line.startsWith("```") || line.startsWith("~~~")) {
      return true;
    }
    int hashes = 0;
    while (hashes < line.length() && line.charAt(hashes) == '#') {
      hashes++;
    }
    if (hashes >= 1 && hashes <= 6 && hashes < line.length() && line.charAt(hashes) == ' ') {
      return true; // a Markdown heading (a shell or python comment looks the same)
    }
    String t = line.strip();
    if (t.length() >= 2 && t.charAt(0) == '|' && t.charAt(t.length() - 1) == '|') {
      return true;
    }
    // not "* ": werkzeug's own lines start so (" * Running on http://...")
    return t.startsWith("//") || t.startsWith("/*");
  }
}
