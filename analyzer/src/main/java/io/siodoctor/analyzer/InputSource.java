package io.siodoctor.analyzer;

import io.siodoctor.parsers.archive.ArchiveWalker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One input of an analysis: the name shown in evidence, and a way to open its bytes (a file, stdin,
 * an upload's part, kept in memory or spilled to a temporary file). Opened once.
 *
 * @param opener opens the bytes; a missing file throws {@link java.nio.file.NoSuchFileException}
 */
public record InputSource(String name, ArchiveWalker.Opener opener) {

  public InputStream open() throws IOException {
    return opener.open();
  }

  public static InputSource of(Path path) {
    return of(path, path.toString());
  }

  public static InputSource of(Path path, String name) {
    return new InputSource(name, () -> Files.newInputStream(path));
  }

  public static InputSource of(String name, InputStream in) {
    return new InputSource(name, () -> in);
  }
}
