package io.siodoctor.parsers.logs;

import io.siodoctor.parsers.InputParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test helpers: run a parser over text or a test resource. */
final class Parse {
  private Parse() {}

  static CollectingSink text(InputParser p, String file, String text) {
    return bytes(p, file, text.getBytes(StandardCharsets.UTF_8));
  }

  static CollectingSink bytes(InputParser p, String file, byte[] bytes) {
    CollectingSink sink = new CollectingSink();
    try {
      p.parse(new ByteArrayInputStream(bytes), file, sink);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    return sink;
  }

  static byte[] resource(String name) {
    try (InputStream in = Parse.class.getResourceAsStream("/logs/" + name)) {
      if (in == null) {
        throw new AssertionError("missing test resource /logs/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static CollectingSink resource(InputParser p, String name) {
    return bytes(p, name, resource(name));
  }

  static boolean sniff(InputParser p, String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    return p.sniff(b, b.length);
  }

  static boolean sniff(InputParser p, byte[] b) {
    int n = Math.min(b.length, 65536);
    byte[] head = java.util.Arrays.copyOf(b, n);
    return p.sniff(head, n);
  }
}
