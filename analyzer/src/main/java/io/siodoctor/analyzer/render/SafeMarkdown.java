package io.siodoctor.analyzer.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small Markdown subset of cause explanations and fixes, as HTML: paragraphs, bullet lists,
 * code fences, inline code and bold. Everything is escaped first and only these constructs are
 * turned into tags afterwards, so no raw HTML in the text can ever pass through.
 */
final class SafeMarkdown {
  private static final Pattern INLINE_CODE = Pattern.compile("`([^`]+)`");
  private static final Pattern BOLD = Pattern.compile("\\*\\*([^*]+)\\*\\*");
  private static final Pattern BULLET = Pattern.compile("^\\s*([-*]|\\d+[.)])\\s+(.*)$");

  private SafeMarkdown() {}

  static String toHtml(String markdown) {
    if (markdown == null || markdown.isBlank()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    StringBuilder paragraph = new StringBuilder();
    // the open bullet's text, its continuation lines joined to it: inline code may wrap onto them
    StringBuilder item = new StringBuilder();
    String inList = null; // "ul" or "ol" while in a list
    boolean inFence = false;
    for (String line : markdown.replace("\r\n", "\n").split("\n", -1)) {
      if (line.strip().startsWith("```")) {
        flushParagraph(out, paragraph);
        flushItem(out, item);
        inList = closeList(out, inList);
        out.append(inFence ? "</code></pre>\n" : "<pre><code>");
        inFence = !inFence;
        continue;
      }
      if (inFence) {
        out.append(Html.escape(line)).append('\n');
        continue;
      }
      Matcher bullet = BULLET.matcher(line);
      if (bullet.matches()) {
        flushParagraph(out, paragraph);
        flushItem(out, item);
        String type = Character.isDigit(bullet.group(1).charAt(0)) ? "ol" : "ul";
        if (!type.equals(inList)) {
          closeList(out, inList);
          String marker = bullet.group(1);
          // a list interrupted by a code block goes on with its own numbers
          String start = type.equals("ol") && !marker.startsWith("1") || marker.length() > 2
              ? " start=\"" + marker.substring(0, marker.length() - 1) + "\"" : "";
          out.append('<').append(type).append(type.equals("ol") ? start : "").append(">\n");
          inList = type;
        }
        item.append(bullet.group(2));
      } else if (line.isBlank()) {
        flushParagraph(out, paragraph);
        flushItem(out, item);
        inList = closeList(out, inList);
      } else if (inList != null && Character.isWhitespace(line.charAt(0))) {
        // a continuation line of the last bullet
        item.append(' ').append(line.strip());
      } else {
        flushItem(out, item);
        inList = closeList(out, inList);
        if (paragraph.length() > 0) {
          paragraph.append(' ');
        }
        paragraph.append(line.strip());
      }
    }
    flushItem(out, item);
    if (inFence) {
      out.append("</code></pre>\n");
    }
    flushParagraph(out, paragraph);
    closeList(out, inList);
    return out.toString();
  }

  private static void flushParagraph(StringBuilder out, StringBuilder paragraph) {
    if (paragraph.length() > 0) {
      out.append("<p>").append(inline(paragraph.toString())).append("</p>\n");
      paragraph.setLength(0);
    }
  }

  private static void flushItem(StringBuilder out, StringBuilder item) {
    if (item.length() > 0) {
      out.append("<li>").append(inline(item.toString())).append("</li>\n");
      item.setLength(0);
    }
  }

  private static String closeList(StringBuilder out, String inList) {
    if (inList != null) {
      out.append("</").append(inList).append(">\n");
    }
    return null;
  }

  /** Escapes, then turns `code` and **bold** into tags; the backtick is escaped too, so match on its entity. */
  private static String inline(String text) {
    StringBuilder sb = new StringBuilder();
    Matcher m = INLINE_CODE.matcher(text);
    int last = 0;
    while (m.find()) {
      sb.append(bold(Html.escape(text.substring(last, m.start()))));
      sb.append("<code>").append(Html.escape(m.group(1))).append("</code>");
      last = m.end();
    }
    sb.append(bold(Html.escape(text.substring(last))));
    return sb.toString();
  }

  private static String bold(String escaped) {
    return BOLD.matcher(escaped).replaceAll("<strong>$1</strong>");
  }
}
