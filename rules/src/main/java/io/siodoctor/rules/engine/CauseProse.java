package io.siodoctor.rules.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code causes/<id>.md}: a Markdown file with the sections {@code ## Explanation} and {@code
 * ## Fix}, printed as they are by every renderer.
 */
final class CauseProse {
  private CauseProse() {}

  static Map<String, String> sections(String markdown) {
    Map<String, String> sections = new LinkedHashMap<>();
    String current = null;
    StringBuilder body = new StringBuilder();
    // lines cut by hand, not by a regex: this runs for every cause at every start-up
    int from = 0;
    while (from <= markdown.length()) {
      int nl = markdown.indexOf('\n', from);
      int end = nl < 0 ? markdown.length() : nl;
      String line = markdown.substring(from, nl > from && markdown.charAt(nl - 1) == '\r' ? nl - 1 : end);
      from = end + 1;
      if (line.startsWith("## ")) {
        if (current != null) {
          sections.put(current, body.toString().strip());
        }
        current = line.substring(3).strip();
        body.setLength(0);
      } else if (current != null) {
        body.append(line).append('\n');
      }
    }
    if (current != null) {
      sections.put(current, body.toString().strip());
    }
    return sections;
  }

  static String load(Class<?> anchor, String id) {
    return loadResource(anchor, "/causes/" + id + ".md");
  }

  /** A UTF-8 resource's text, or null when it is missing. */
  static String loadResource(Class<?> anchor, String path) {
    try (InputStream in = anchor.getResourceAsStream(path)) {
      if (in == null) {
        return null;
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
