package org.avpipeline.alphavantage;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * JSON trees as {@code ObjectMapper.readTree} builds them with its defaults (the same node kinds: int, long or big
 * integer nodes for integers, double nodes for other numbers; a repeated key keeps its first place and its last
 * value; anything after the first value unread), built from jackson-core's parser alone: making an
 * {@code ObjectMapper} costs a short build more than the trees it reads (its date format pulls in the JDK's locale
 * data).
 */
final class JsonTrees {
    private JsonTrees() {}

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The first value of {@code body}; null when there is none (empty or blank input). */
    static JsonNode read(byte[] body) throws IOException {
        try (JsonParser p = AnswerValues.parser(body)) {
            JsonToken first = p.nextToken();
            return first == null ? null : value(p, first);
        }
    }

    /** The value that starts at {@code token}, the parser's current token; the parser is left on its last token. */
    private static JsonNode value(JsonParser p, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                    String name = p.currentName();
                    object.replace(name, value(p, p.nextToken()));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    array.add(value(p, t));
                }
                yield array;
            }
            case VALUE_STRING -> NODES.textNode(p.getText());
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> NODES.numberNode(p.getIntValue());
                case LONG -> NODES.numberNode(p.getLongValue());
                default -> NODES.numberNode(p.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new JsonParseException(p, "unexpected token " + token);
        };
    }
}
