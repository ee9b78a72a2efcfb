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
 * long string value without reading it: the entry is all in memory, so the end of the string is
 * found by {@link JsonStrings} eight bytes at a time and the parser moves there. Jackson would
 * otherwise decode (or at best scan byte by byte) every megabyte of a bundle no rule reads.
 */
final class SliceParser extends UTF8StreamJsonParser {
  SliceParser(IOContext context, int features, ObjectCodec codec, ByteQuadsCanonicalizer symbols, byte[] data) {
    super(context, features, null, codec, symbols, data, 0, data.length, 0, false);
  }

  /**
   * When the current token is a string value not read yet, at least {@code minBytes} long in the
   * file and one Jackson would read without error ({@link JsonStrings#endOfValidString}): moves past
   * it unread and returns true. Otherwise changes nothing and returns false.
   */
  boolean skipLongString(int minBytes) {
    if (currentToken() != JsonToken.VALUE_STRING || !_tokenIncomplete) {
      return false;
    }
    int from = _inputPtr;
    if (_inputEnd - from < minBytes) {
      return false;
    }
    int close = JsonStrings.endOfValidString(_inputBuffer, from, _inputEnd);
    if (close < 0 || close - from < minBytes || close - from > HarJson.MAX_STRING_CHARS) {
      return false;
    }
    _inputPtr = close + 1;
    _tokenIncomplete = false;
    return true;
  }

  /** Makes {@link SliceParser}s with the settings of its builder. */
  static final class Factory extends JsonFactory {
    private static final long serialVersionUID = 1L;

    Factory(JsonFactoryBuilder builder) {
      super(builder);
    }

    SliceParser parser(byte[] data) throws IOException {
      IOContext context = _createContext(_createContentReference(data), true);
      return new SliceParser(context, _parserFeatures, _objectCodec, _byteSymbolCanonicalizer.makeChild(_factoryFeatures),
          data);
    }
  }
}
