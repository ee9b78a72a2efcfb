package io.siodoctor.rules.pack;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * One condition on one field: a literal substring (case-sensitive), or a regular expression when
 * written between slashes ({@code /Session ID unknown|unknown sid/}), found anywhere in the value.
 * Regular expressions run on RE2/J: a pack's pattern meets untrusted log text, and RE2's automaton
 * takes time linear in the text whatever the pattern (no backtracking, no stack growth); patterns
 * RE2 cannot run in linear time (backreferences, lookaround) are refused when the pack loads.
 */
record FieldMatcher(String field, String literal, Pattern regex) {

  static FieldMatcher of(String file, String path, String field, String spec) throws RulePackException {
    if (spec.length() >= 2 && spec.startsWith("/") && spec.endsWith("/")) {
      try {
        return new FieldMatcher(field, null, Pattern.compile(spec.substring(1, spec.length() - 1)));
      } catch (PatternSyntaxException e) {
        throw new RulePackException(file, path, "invalid regular expression (RE2 syntax: no backreferences"
            + " or lookaround): " + e.getDescription());
      }
    }
    if (spec.isEmpty()) {
      throw new RulePackException(file, path, "empty pattern");
    }
    return new FieldMatcher(field, spec, null);
  }

  boolean matches(String value) {
    if (value == null) {
      return false;
    }
    return regex != null ? regex.matcher(value).find() : value.contains(literal);
  }
}
