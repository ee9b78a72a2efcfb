package io.siodoctor.parsers.har;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;

/**
 * The Jackson setup for HAR files. Jackson's default 20,000,000-character string limit fails a
 * whole HAR on one 15 MB binary body (base64 makes it 20 M characters); the limit here is what the
 * heap can hold instead, so that a string too large for the heap fails with a clear message rather
 * than an OutOfMemoryError.
 */
final class HarJson {
  /** A string costs about 4 bytes per character while Jackson reads it (char buffer, then String). */
  static final int MAX_STRING_CHARS =
      (int) Math.min(Integer.MAX_VALUE, Math.max(20_000_000L, Runtime.getRuntime().maxMemory() / 4));

  static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder().maxStringLength(MAX_STRING_CHARS).build())
          // the caller opened the stream and closes it
          .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
          // Chrome writes every time and timing as a fraction
          .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
          .build();

  /**
   * For one entry's bytes on their own ({@link ParallelEntries}): in the file an entry sits three
   * levels deep (document, {@code log}, {@code entries}), so it may nest three levels less.
   */
  static final SliceParser.Factory SLICES =
      new SliceParser.Factory(
          (com.fasterxml.jackson.core.JsonFactoryBuilder) JsonFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder()
                      .maxStringLength(MAX_STRING_CHARS)
                      .maxNestingDepth(StreamReadConstraints.DEFAULT_MAX_DEPTH - 3)
                      .build())
              .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER));

  private HarJson() {}

  /** A parser over the JSON text after the byte-order mark, if any. */
  static JsonParser parser(InputStream in, TextEncoding encoding) throws IOException {
    in.skipNBytes(encoding.bomLength());
    // UTF-8 goes to Jackson's byte parser, the fast one; UTF-16 through a decoding reader
    return encoding.isUtf8()
        ? FACTORY.createParser(in)
        : FACTORY.createParser(new InputStreamReader(in, encoding.charset()));
  }
}
