package io.siodoctor.parsers.har;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.io.ContentReference;

/**
 * Where a parser over a part of the file starts in the file, so that its errors name the file's
 * byte, line and column: an entry parsed on its own ({@link ParallelEntries}), or the rest of the
 * file after them, read behind a made-up {@code prefix} that restores the parser's context.
 *
 * @param offset the file offset (after any byte-order mark) of the part's first byte
 * @param line that byte's line (1-based)
 * @param column that byte's column (1-based)
 * @param prefix bytes put before the part, not in the file
 */
record LocationShift(long offset, int line, int column, int prefix) {
  JsonLocation apply(JsonLocation at) {
    if (at == null) {
      return null;
    }
    long byteOffset = at.getByteOffset() < 0 ? -1 : offset + at.getByteOffset() - prefix;
    int l = at.getLineNr();
    int c = at.getColumnNr();
    return new JsonLocation(ContentReference.unknown(), byteOffset, -1, line + l - 1,
        l == 1 ? column + c - 1 - prefix : c);
  }
}
