package io.siodoctor.parsers.har;

import com.fasterxml.jackson.core.format.MatchStrength;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.siodoctor.parsers.FastPaths;
import io.siodoctor.parsers.InputError;
import io.siodoctor.parsers.InputParser;
import io.siodoctor.parsers.RecordSink;
import io.siodoctor.parsers.record.HttpExchange;
import com.fasterxml.jackson.core.JsonLocation;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads HAR files (Chrome, Firefox, Safari, Playwright, Charles, ...) as a stream: {@code
 * log.entries} one entry at a time, so that memory does not grow with the file. Each entry gives
 * an {@link HttpExchange} at {@code entries[i]}, then one {@code WsFrame} per Chrome {@code
 * _webSocketMessages} item at {@code entries[i]._webSocketMessages[j]}.
 *
 * <p>Exporter quirks (empty or local-offset dates, string statuses, missing required objects, ...)
 * are tolerated and reported as one warning per kind.
 */
public final class HarParser implements InputParser {
  public static final String FORMAT = "har";
  /**
   * From this size on, entries are found by a byte scan and parsed on every core ({@link
   * ParallelEntries}); below it, starting the threads costs more than it saves.
   */
  static final long PARALLEL_FROM_BYTES = 8L << 20;

  /** The size from which entries go in parallel; null: {@link FastPaths} decides. */
  private final Long parallelFrom;
  /** How many {@link EntryLanes} scan at once, and their region size; 0: the defaults. */
  private final int lanes;
  private final int region;

  public HarParser() {
    this(null);
  }

  /** With the parallel entries from {@code parallelFrom} bytes on, whatever {@link FastPaths} says (tests). */
  HarParser(Long parallelFrom) {
    this(parallelFrom, 0, 0);
  }

  /** Also with {@code lanes} lanes of {@code region} bytes (tests). */
  HarParser(Long parallelFrom, int lanes, int region) {
    this.parallelFrom = parallelFrom;
    this.lanes = lanes;
    this.region = region;
  }

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public MatchStrength match(byte[] head, int length) {
    return HarSniffer.match(head, length);
  }

  @Override
  public void parse(InputStream in, String file, RecordSink sink) throws IOException, InputError {
    InputStream buffered = in.markSupported() ? in : new BufferedInputStream(in, 1 << 16);
    TextEncoding encoding = peekEncoding(buffered);
    HarQuirks quirks = new HarQuirks();
    if (encoding.bomLength() > 0 && encoding.isUtf8()) {
      quirks.note(HarQuirks.Kind.UTF8_BOM);
    } else if (!encoding.isUtf8()) {
      quirks.note(HarQuirks.Kind.UTF16);
    }
    ParsePosition position = new ParsePosition();
    JsonParser p;
    try {
      p = HarJson.parser(buffered, encoding);
    } catch (java.io.CharConversionException e) {
      // found by fuzzing: first bytes announcing a UCS-4 byte order Jackson cannot read
      throw new InputError(file, "byte 0", "not valid text: its first bytes announce an encoding that cannot be read");
    }
    // the size is known for a file (a compressed input says 1): its entries then go in parallel
    long from = parallelFrom != null ? parallelFrom : FastPaths.from(PARALLEL_FROM_BYTES);
    boolean parallel = encoding.isUtf8() && buffered.available() >= from;
    try (p) {
      try {
        int laneCount = lanes > 0 ? lanes : EntryLanes.lanes(Runtime.getRuntime().availableProcessors());
        new Walk(p, file, sink, quirks, position, encoding.bomLength(), parallel ? buffered : null, laneCount,
            region > 0 ? region : EntryLanes.regionBytes()).document();
      } catch (JsonProcessingException e) {
        throw JsonErrors.toInputError(file, e, p.currentLocation(), encoding.bomLength(), position);
      } catch (java.io.CharConversionException e) {
        // found by fuzzing: NULs first make Jackson read UTF-32, and then a character out of range
        throw new InputError(file, JsonErrors.where(p.currentLocation(), encoding.bomLength()),
            "not valid text in the encoding its first bytes announce (" + encoding.charset().name() + ") inside "
            + position);
      }
    } finally {
      quirks.flush(sink);
    }
  }

  private static TextEncoding peekEncoding(InputStream in) throws IOException {
    in.mark(4);
    byte[] head = in.readNBytes(4);
    in.reset();
    return TextEncoding.detect(head, head.length);
  }

  /** One pass over one document: the JSON structure down to the entries. */
  private static final class Walk {
    private final JsonParser p;
    private final String file;
    private final RecordSink sink;
    private final HarQuirks quirks;
    private final ParsePosition position;
    private final int bomLength;
    private final boolean skipBodies;
    private final EntryReader entries;
    private final ExchangeBuilder exchanges;
    private final CaptureProfiler profile;
    /** The rest of the input after what {@code p} has read, for the parallel entries; null: read them here. */
    private final InputStream parallelInput;
    /** The index of the first entry this walk reads. */
    private final int firstIndex;
    /** The first element of the entries is a stand-in for the entry before the rest of the file (not read). */
    private final boolean standIn;
    private boolean handedOff;
    /** The {@link EntryLanes} of the parallel entries: how many, and the bytes of their regions. */
    private final int lanes;
    private final int region;

    Walk(JsonParser p, String file, RecordSink sink, HarQuirks quirks, ParsePosition position, int bomLength,
        InputStream parallelInput, int lanes, int region) {
      this.p = p;
      this.file = file;
      this.sink = sink;
      this.quirks = quirks;
      this.position = position;
      this.bomLength = bomLength;
      this.skipBodies = !sink.plan().readsOtherBodies();
      this.entries = new EntryReader(quirks, position, skipBodies);
      this.exchanges = new ExchangeBuilder(file, quirks);
      this.profile = new CaptureProfiler();
      this.parallelInput = parallelInput;
      this.firstIndex = 0;
      this.standIn = false;
      this.lanes = lanes;
      this.region = region;
    }

    /** The walk over the rest of the file after the parallel entries, sharing what {@code before} gathered. */
    Walk(JsonParser p, Walk before, int firstIndex, boolean standIn) {
      this.p = p;
      this.file = before.file;
      this.sink = before.sink;
      this.quirks = before.quirks;
      this.position = before.position;
      this.bomLength = before.bomLength;
      this.skipBodies = before.skipBodies;
      this.entries = before.entries;
      this.exchanges = before.exchanges;
      this.profile = before.profile;
      this.parallelInput = null;
      this.firstIndex = firstIndex;
      this.standIn = standIn;
      this.lanes = before.lanes;
      this.region = before.region;
    }

    void document() throws IOException, InputError {
      JsonToken first = p.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw new InputError(file, JsonErrors.where(p.currentLocation(), 0),
            first == null ? "empty file" : "expected a JSON object with a \"log\" member, found " + describe(first));
      }
      boolean sawLog = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals("log") && !sawLog) {
          sawLog = true;
          if (value != JsonToken.START_OBJECT) {
            throw new InputError(file, "log", "expected an object, found " + describe(value));
          }
          log();
          if (handedOff) {
            return;
          }
        } else {
          p.skipChildren();
        }
      }
      if (!sawLog) {
        throw new InputError(file, "log", "not found: this JSON document is not a HAR");
      }
      sink.capture(profile.build());
    }

    private void log() throws IOException, InputError {
      position.section("log");
      boolean sawEntries = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (!name.equals("entries")) {
          profileMember(name, value);
        } else if (sawEntries) {
          quirks.note(HarQuirks.Kind.SECOND_ENTRIES);
          p.skipChildren();
        } else if (value != JsonToken.START_ARRAY) {
          throw new InputError(file, "log.entries", "expected an array, found " + describe(value));
        } else if (parallelInput != null) {
          handOff();
          return;
        } else {
          sawEntries = true;
          entries();
          position.section("log");
        }
      }
      position.section("after log");
      if (!sawEntries) {
        throw new InputError(file, "log.entries", "not found: the HAR has no entries array");
      }
    }

    /** {@code creator}, {@code browser}, {@code pages}: small, read for the capture profile; the rest skipped. */
    private void profileMember(String name, JsonToken value) throws IOException {
      switch (name) {
        case "creator":
          profile.creator(TreeReader.read(p));
          break;
        case "browser":
          profile.browser(TreeReader.read(p));
          break;
        case "pages":
          int count = 0;
          if (value == JsonToken.START_ARRAY) {
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
              count++;
              p.skipChildren();
            }
          } else {
            p.skipChildren();
          }
          profile.pages(count);
          break;
        case "_sanitizedBy":
          profile.sanitizedBy();
          p.skipChildren();
          break;
        default:
          p.skipChildren();
      }
    }

    private void entries() throws IOException {
      int i = firstIndex;
      boolean skip = standIn;
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), i++) {
        if (skip) {
          // the stand-in for the last entry read in parallel: an error after it is "inside" that entry
          skip = false;
          position.entry(i);
          p.skipChildren();
          continue;
        }
        position.entry(i);
        if (t != JsonToken.START_OBJECT) {
          quirks.note(HarQuirks.Kind.NOT_AN_OBJECT_ENTRY);
          p.skipChildren();
          continue;
        }
        try (WsMessageSpool spool = new WsMessageSpool()) {
          emit(entries.read(p, i, spool));
        }
      }
    }

    /**
     * The entries from the current '[' on, found by a byte scan and parsed on every core, then the
     * rest of the file (from the first thing that is not a plain entry) by a walk like this one,
     * behind a made-up start that puts its parser where this one would be.
     */
    private void handOff() throws IOException, InputError {
      handedOff = true;
      // where the '[' ends, before handing back the read-ahead (which moves the parser past it)
      JsonLocation at = p.currentLocation();
      ByteArrayOutputStream ahead = new ByteArrayOutputStream();
      p.releaseBuffered(ahead);
      EntryLanes splitter = new EntryLanes(ahead.toByteArray(), parallelInput, at.getByteOffset(), at.getLineNr(),
          at.getColumnNr(), lanes, region);
      int count = new ParallelEntries(splitter, skipBodies).run(parsed -> {
        quirks.addAll(parsed.quirks());
        EntrySplitter.Slice slice = parsed.slice();
        if (parsed.error() != null) {
          throw JsonErrors.toInputError(file, parsed.error(), null, bomLength, parsed.where(),
              new LocationShift(slice.offset(), slice.line(), slice.column(), 0));
        }
        emit(parsed.entry());
      });
      // after an entry, an empty object stands for it: the parser then expects ',' or ']' as here
      byte[] prefix = ("{\"log\":{\"entries\":[" + (count > 0 ? "{}" : "")).getBytes(StandardCharsets.US_ASCII);
      LocationShift shift =
          new LocationShift(splitter.restOffset(), splitter.restLine(), splitter.restColumn(), prefix.length);
      JsonParser rest = HarJson.FACTORY.createParser(new SequenceInputStream(new ByteArrayInputStream(prefix),
          splitter.rest()));
      try (rest) {
        new Walk(rest, this, count > 0 ? count - 1 : 0, count > 0).document();
      } catch (JsonProcessingException e) {
        throw JsonErrors.toInputError(file, e, rest.currentLocation(), bomLength, position.toString(), shift);
      }
    }

    /** The exchange first, then its frames: the order the records reach the sink in. */
    private void emit(RawEntry entry) throws IOException {
      HttpExchange exchange = exchanges.build(entry);
      profile.observe(entry, exchange);
      sink.accept(exchange);
      if (entry.messages.readable()) {
        WsFrameBuilder frames = new WsFrameBuilder(file, exchange);
        entry.messages.replay(m -> sink.accept(frames.build(m)));
      }
    }

    private static String describe(JsonToken t) {
      switch (t) {
        case START_ARRAY:
          return "an array";
        case START_OBJECT:
          return "an object";
        case VALUE_STRING:
          return "a string";
        case VALUE_NULL:
          return "null";
        case VALUE_TRUE:
        case VALUE_FALSE:
          return "a boolean";
        default:
          return "a number";
      }
    }
  }
}
