package io.siodoctor.parsers;

import java.io.IOException;
import java.io.InputStream;

/**
 * Turns the bytes of one input format into records. Implementations stream: memory use must not
 * grow with the size of the input, only with what they emit.
 */
public interface InputParser {

  /** The format id reported in {@code inputs[].format} ({@code har}, {@code engineio-debug}, ...). */
  String format();

  /**
   * Whether the first bytes of an input (already decompressed, at most 64 KiB) look like this
   * format. Detection is by content, never by file name.
   */
  boolean sniff(byte[] head, int length);

  /**
   * Parses the whole input.
   *
   * @param file the name to put in every record's location, as the user gave it
   * @throws InputError when the input cannot be read any further; records already emitted stay
   */
  void parse(InputStream in, String file, RecordSink sink) throws IOException, InputError;
}
