package io.siodoctor.analyzer.web;

/**
 * Jetty's form limits in words a user understands. Jetty says "Form is larger than max length
 * 200000" or "Form with too many keys": true, but the user uploaded files and does not know what a
 * form key is. Uploads are files; these limits are about the other fields of the request.
 */
final class FormLimits {
  private FormLimits() {}

  /** The explanation for a Jetty form-limit message, or null when the message is about something else. */
  static String explain(String message) {
    if (message == null) {
      return null;
    }
    if (message.startsWith("Form is larger than max length")) {
      StringBuilder digits = new StringBuilder();
      for (int i = 0; i < message.length() && digits.length() < 12; i++) {
        if (Character.isDigit(message.charAt(i))) {
          digits.append(message.charAt(i));
        }
      }
      String limit = digits.length() == 0 ? "" : " (" + Long.parseLong(digits.toString()) / 1000 + " KB)";
      return "the request's form fields are larger than this server reads" + limit
          + "; send the HAR and logs as file uploads (the upload page does), not pasted into a form field";
    }
    if (message.startsWith("Form with too many keys") || message.contains("too many parts")
        || message.contains("Too many parts")) {
      return "the request has more form fields or parts than this server reads; upload fewer files at once"
          + " (or zip them)";
    }
    return null;
  }
}
