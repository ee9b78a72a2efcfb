package io.siodoctor.parsers.archive;

import java.io.IOException;

/**
 * A compressed stream or archive that cannot be read further, with a one-line message naming the
 * container type and where it broke: {@code gzip: unexpected end of stream at byte 1048576}.
 */
public final class ArchiveReadException extends IOException {
  private static final long serialVersionUID = 1L;

  public ArchiveReadException(String message, Throwable cause) {
    super(message, cause);
  }
}
