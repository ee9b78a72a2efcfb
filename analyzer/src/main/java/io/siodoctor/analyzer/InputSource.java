package io.siodoctor.analyzer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One input of an analysis: the name shown in evidence, and a way to open its bytes (a file, stdin,
 * an upload). Opened once.
 */
public interface InputSource {

  String name();

  InputStream open() throws IOException;

  static InputSource of(Path path) {
    return of(path, path.toString());
  }

  static InputSource of(Path path, String name) {
    return new InputSource() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public InputStream open() throws IOException {
        return Files.newInputStream(path);
      }
    };
  }

  static InputSource of(String name, InputStream in) {
    return new InputSource() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public InputStream open() {
        return in;
      }
    };
  }
}
