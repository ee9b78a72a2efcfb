package io.siodoctor.analyzer.web;

/** A request the server answers with a status and a one-line message (never a stack trace). */
final class WebError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  WebError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }
}
