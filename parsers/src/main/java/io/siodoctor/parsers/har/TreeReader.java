package io.siodoctor.parsers.har;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Set;

/**
 * Builds the tree of one small value (an entry's request, response or timings) straight from the
 * parser. {@code ObjectMapper.readTree} sets up a deserialization context on every call, which
 * cost more than the tree itself at two calls per entry.
 */
final class TreeReader {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private TreeReader() {}

  /**
   * Reads the value whose first token is current; when it is an object, only the named members,
   * skipping the others unread (an entry's request and response carry much that no rule needs).
   */
  static JsonNode read(JsonParser p, Set<String> members) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      return read(p);
    }
    ObjectNode object = NODES.objectNode();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      if (members.contains(name)) {
        object.set(name, read(p));
      } else {
        p.skipChildren();
      }
    }
    return object;
  }

  /**
   * Reads the value whose first token is current. Recursion depth is bounded by Jackson's nesting
   * limit ({@code StreamReadConstraints}).
   */
  static JsonNode read(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT:
        ObjectNode object = NODES.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          object.set(name, read(p));
        }
        return object;
      case START_ARRAY:
        ArrayNode array = NODES.arrayNode();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          array.add(read(p));
        }
        return array;
      case VALUE_STRING:
        return NODES.textNode(p.getText());
      case VALUE_NUMBER_INT:
        return NODES.numberNode(p.getLongValue());
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(p.getDoubleValue());
      case VALUE_TRUE:
      case VALUE_FALSE:
        return NODES.booleanNode(t == JsonToken.VALUE_TRUE);
      default:
        return NODES.nullNode();
    }
  }
}
