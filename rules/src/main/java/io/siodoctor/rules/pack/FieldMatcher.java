package io.siodoctor.rules.pack;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One condition on one field: a literal substring (case-sensitive), or a regular expression when
 * written between slashes ({@code /Session ID unknown|unknown sid/}), found anywhere in the value.
 */
record FieldMatcher(String field, String literal, Pattern regex) {

  static FieldMatcher of(String file, String path, String field, String spec) throws RulePackException {
    if (spec.length() >= 2 && spec.startsWith("/") && spec.endsWith("/")) {
      try {
        return new FieldMatcher(field, null, Pattern.compile(spec.substring(1, spec.length() - 1)));
      } catch (PatternSyntaxException e) {
        throw new RulePackException(file, path, "invalid regular expression: " + e.getDescription());
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
