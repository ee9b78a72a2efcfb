package io.siodoctor.parsers.har;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import com.fasterxml.jackson.core.sym.ByteQuadsCanonicalizer;
import java.io.IOException;

/**
 * Jackson's UTF-8 parser over one entry's bytes ({@link ParallelEntries}), which can step over a
 * long string value without reading it: the splitter already found where it ends and checked that
 * Jackson would read it without error, so the parser moves there. Jackson would otherwise decode
 * (or at best scan byte by byte) every megabyte of a bundle no rule reads.
 */
final class SliceParser extends UTF8StreamJsonParser {
  /** The long strings the splitter checked ({@link EntrySplitter.Slice#longStrings}). */
  private final int[] longStrings;
  /** The first of them not behind the parser yet. */
  private int next;
  /** Where the entry starts in the parser's buffer: {@link #longStrings} count from here. */
  private final int base;

  SliceParser(IOContext context, int features, ObjectCodec codec, ByteQuadsCanonicalizer symbols,
      EntrySplitter.Slice slice) {
    // offsets, lines and columns count from the entry's first byte, as for an array of its own
    super(context, features, null, codec, symbols, slice.bytes(), slice.from(), slice.to(), 0, false);
    this.longStrings = slice.longStrings();
    this.base = slice.from();
  }

  /**
   * When the current token is a string value not read yet that the splitter found long and
   * readable: moves past it unread and returns true. Otherwise changes nothing and returns false.
   */
  boolean skipLongString() {
    if (currentToken() != JsonToken.VALUE_STRING || !_tokenIncomplete) {
      return false;
    }
    int from = _inputPtr - base;
    while (next < longStrings.length && longStrings[next] < from) {
      next += 2;
    }
    if (next >= longStrings.length || longStrings[next] != from
        || longStrings[next + 1] - from > HarJson.MAX_STRING_CHARS) {
      return false;
    }
    _inputPtr = base + longStrings[next + 1] + 1;
    _tokenIncomplete = false;
    next += 2;
    return true;
  }

  /** Makes {@link SliceParser}s with the settings of its builder. */
  static final class Factory extends JsonFactory {
    private static final long serialVersionUID = 1L;

    Factory(JsonFactoryBuilder builder) {
      super(builder);
    }

    SliceParser parser(EntrySplitter.Slice slice) throws IOException {
      IOContext context = _createContext(_createContentReference(slice.bytes(), slice.from(), slice.length()), true);
      return new SliceParser(context, _parserFeatures, _objectCodec, _byteSymbolCanonicalizer.makeChild(_factoryFeatures),
          slice);
    }
  }
}
