package io.siodoctor.parsers.archive;

import java.io.IOException;

/** An archive went past one of the {@link ArchiveLimits}: refused as a probable zip bomb. */
public final class ArchiveLimitException extends IOException {
  private static final long serialVersionUID = 1L;

  public ArchiveLimitException(String message) {
    super(message);
  }
}
