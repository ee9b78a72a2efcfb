package io.siodoctor.parsers;

import com.fasterxml.jackson.core.format.MatchStrength;
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
   * How strongly the first bytes of an input (already decompressed, at most 64 KiB) look like this
   * format, by content, never by file name. {@link InputReader} reads an input with the parser of the
   * strongest match; among equally strong ones, the first in {@link InputParsers#all()}. The
   * strengths mean:
   *
   * <ul>
   *   <li>{@link MatchStrength#FULL_MATCH}: the head carries a mark only this producer writes (a HAR
   *       log object, Caddy's logger name, Apache's or Traefik's fields after the combined ones,
   *       Heroku's router line, a Java package of the producer);
   *   <li>{@link MatchStrength#SOLID_MATCH}: most lines read with this format's grammar, or a line
   *       holds a message only this producer writes;
   *   <li>{@link MatchStrength#WEAK_MATCH}: readable, but so would many formats be (timestamped
   *       lines: the generic fallback);
   *   <li>{@link MatchStrength#NO_MATCH} (and {@link MatchStrength#INCONCLUSIVE}): not read by this
   *       parser.
   * </ul>
   *
   * So a new parser takes an input from an existing one only by a stronger match, never by its
   * place in the list.
   */
  MatchStrength match(byte[] head, int length);

  /** Whether this parser could read an input with this head at all (any match). */
  default boolean sniff(byte[] head, int length) {
    return match(head, length).compareTo(MatchStrength.WEAK_MATCH) >= 0;
  }

  /**
   * Parses the whole input.
   *
   * @param file the name to put in every record's location, as the user gave it
   * @throws InputError when the input cannot be read any further; records already emitted stay
   */
  void parse(InputStream in, String file, RecordSink sink) throws IOException, InputError;
}
