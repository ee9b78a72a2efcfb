package io.siodoctor.analyzer.render;

import java.util.ArrayList;
import java.util.List;

/**
 * A URL path and query cut before each {@code /}, {@code ?} and {@code &}: the template puts a line
 * break opportunity between the parts, so a long URL wraps between parameters on a phone and a sid or
 * token is never split in the middle.
 */
final class UrlParts {
  private UrlParts() {}

  static List<String> of(String target) {
    List<String> parts = new ArrayList<>();
    if (target == null || target.isEmpty()) {
      return parts;
    }
    int start = 0;
    for (int i = 1; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c == '?' || c == '&' || (c == '/' && target.indexOf('?') > i)) {
        parts.add(target.substring(start, i));
        start = i;
      }
    }
    parts.add(target.substring(start));
    return parts;
  }
}
