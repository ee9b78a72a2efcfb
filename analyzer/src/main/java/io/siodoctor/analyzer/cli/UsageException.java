package io.siodoctor.analyzer.cli;

/** A command line that cannot be run: unknown option, missing argument. Exit code 2. */
final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
