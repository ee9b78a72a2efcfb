package io.siodoctor.analyzer.cli;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.commons.cli.CommandLine;

/**
 * Where a command writes its result ({@code -o/--output}): a file, written to a temporary file beside
 * it and moved into place by {@link #commit}, so a failure never leaves half a document (closing
 * without commit deletes it); or standard output when the option is absent or {@code -}.
 */
final class Output implements Closeable {
  private final OutputStream stream;
  private final PrintStream printer;
  private final Path target;
  private final Path tmp;
  private boolean committed;

  private Output(OutputStream stream, Path target, Path tmp) {
    this.stream = stream;
    this.printer = new PrintStream(stream, false, StandardCharsets.UTF_8);
    this.target = target;
    this.tmp = tmp;
  }

  static Output of(CommandLine cl, OutputStream stdout) throws UsageException, IOException {
    String name = cl.getOptionValue(SharedOptions.OUTPUT);
    if (name == null || name.equals("-")) {
      return new Output(new FilterOutputStream(stdout) {
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          stdout.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
          // standard output stays open
          stdout.flush();
        }
      }, null, null);
    }
    Path target = Path.of(name);
    if (Files.isDirectory(target)) {
      throw new UsageException("--output " + name + " is a directory");
    }
    Path dir = target.toAbsolutePath().getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new UsageException("--output " + name + ": no such directory " + dir);
    }
    Path tmp = Files.createTempFile(dir, "." + target.getFileName() + "-", ".part");
    return new Output(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16), target, tmp);
  }

  OutputStream stream() {
    return stream;
  }

  /** A UTF-8 printer on the same stream (flushed by {@link #commit}). */
  PrintStream printer() {
    return printer;
  }

  /** The document is complete: flush it, and move a file output into place. */
  void commit() throws IOException {
    printer.flush();
    stream.close();
    if (target != null) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    committed = true;
  }

  @Override
  public void close() throws IOException {
    if (!committed) {
      try {
        stream.close();
      } finally {
        if (tmp != null) {
          Files.deleteIfExists(tmp);
        }
      }
    }
  }
}
