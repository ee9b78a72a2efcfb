package io.siodoctor.parsers.har;

/**
 * One {@code _webSocketMessages} item as read, before the entry's URL is known.
 *
 * @param index the item's position in the array (skipped items keep their numbers)
 * @param type {@code send}, {@code receive} or {@code error}
 * @param epochSeconds the time, or NaN when absent
 * @param data the whole data up to {@link Bounds#DECODE_CHARS}, only the kept part beyond
 * @param size the full length of the data in characters
 */
record RawWsMessage(int index, String type, double epochSeconds, int opcode, String data, int size) {
  RawWsMessage {
    type = type == null ? "" : type;
    data = data == null ? "" : data;
  }
}
