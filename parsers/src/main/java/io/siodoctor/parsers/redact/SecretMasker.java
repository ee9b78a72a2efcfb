package io.siodoctor.parsers.redact;

/**
 * Masks secrets inside one piece of text (an excerpt, a URL, a log line, a packet, an error message)
 * while keeping its shape, so a reader still sees what kind of value was there: {@code
 * token=[redacted:query]}. The same engine as {@code sanitize} ({@link Redactor}) with the default
 * policy; sids are kept, because a report's reader correlates by them. Linear time in the text.
 */
public final class SecretMasker {
  private static final RedactionPolicy DEFAULTS = RedactionPolicy.defaults();

  private SecretMasker() {}

  public static String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    return new Redactor(DEFAULTS, null, new Redactions()).text(text);
  }
}
