package io.siodoctor.parsers;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Transparent gunzip, recognised by the magic bytes (a {@code .har} may be gzipped and a {@code
 * .gz} may not). Errors of the compressed layer say so and where: "gzip: unexpected end of stream
 * at byte 1048576", counted in compressed bytes.
 */
final class Gunzip {
  private Gunzip() {}

  /** The decompressed stream when {@code in} starts with the gzip magic, else {@code in} itself. */
  static InputStream ifGzipped(BufferedInputStream in) throws IOException {
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    if (b0 != 0x1f || b1 != 0x8b) {
      return in;
    }
    CountingInputStream compressed = new CountingInputStream(in);
    try {
      // concatenated members are one stream (what gzip(1) and log rotation produce)
      InputStream gunzipped =
          GzipCompressorInputStream.builder()
              .setInputStream(compressed)
              .setDecompressConcatenated(true)
              .get();
      return new ErrorContext(gunzipped, compressed);
    } catch (IOException e) { // the gzip header itself is broken
      throw reworded(e, compressed);
    }
  }

  /** Rewords the decompressor's exceptions (see {@link #reworded}). */
  private static final class ErrorContext extends FilterInputStream {
    private final CountingInputStream compressed;

    ErrorContext(InputStream gunzipped, CountingInputStream compressed) {
      super(gunzipped);
      this.compressed = compressed;
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        throw reworded(e, compressed);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        throw reworded(e, compressed);
      }
    }
  }

  /** One line that names the gzip layer and the compressed byte where it broke. */
  private static IOException reworded(IOException e, CountingInputStream compressed) {
    String what =
        e instanceof EOFException || e.getMessage() == null
            ? "unexpected end of stream"
            : e.getMessage().toLowerCase(Locale.ROOT);
    return new IOException("gzip: " + what + " at byte " + compressed.count(), e);
  }
}
