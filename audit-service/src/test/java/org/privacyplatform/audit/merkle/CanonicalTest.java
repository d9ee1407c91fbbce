package org.privacyplatform.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

class CanonicalTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void sortsKeys() throws Exception {
        assertThat(Canonical.canonicalize(json.readTree("{\"b\":1,\"a\":2}"))).isEqualTo("{\"a\":2,\"b\":1}");
    }

    @Test
    void sortsNestedObjectsAndKeepsArrayOrder() throws Exception {
        JsonNode node = json.readTree("{\"z\": {\"y\": 1, \"x\": [{\"d\": 1, \"c\": 2}, 3, 2]}, \"a\": null}");

        assertThat(Canonical.canonicalize(node)).isEqualTo("{\"a\":null,\"z\":{\"x\":[{\"c\":2,\"d\":1},3,2],\"y\":1}}");
    }

    @Test
    void removesWhitespace() {
        assertThat(Canonical.canonicalize("{ \"a\" : [ 1 , true ,\n\"x\" ] }")).isEqualTo("{\"a\":[1,true,\"x\"]}");
    }

    @Test
    void formatsNumbersAsEcmaScriptDoes() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("big", 1.0E30);
        node.put("half", 4.50);
        node.put("small", 0.002);
        node.put("tiny", 1.0E-27);
        node.put("integer", 100);
        node.put("negativeZero", -0.0);

        assertThat(Canonical.canonicalize(node))
                .isEqualTo("{\"big\":1e+30,\"half\":4.5,\"integer\":100,\"negativeZero\":0,\"small\":0.002,\"tiny\":1e-27}");
    }

    /** The example of RFC 8785 section 3.2.2, input and output verbatim. */
    @Test
    void rfc8785Example() {
        String input = "{\n"
                + "  \"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],\n"
                + "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
                + "  \"literals\": [null, true, false]\n"
                + "}";
        String expected = "{\"literals\":[null,true,false],"
                + "\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";

        assertThat(Canonical.canonicalize(input)).isEqualTo(expected);
    }

    @Test
    void rfc8785ExampleThroughJackson() throws Exception {
        JsonNode node = json.readTree("{\"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001]}");

        assertThat(Canonical.canonicalize(node)).isEqualTo("{\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27]}");
    }

    /** RFC 8785 section 3.2.3: keys sort by their UTF-16 code units, not by code points or UTF-8 bytes. */
    @Test
    void sortsKeysByUtf16CodeUnits() throws Exception {
        String input = "{\"\\u20ac\": \"Euro Sign\", \"\\r\": \"Carriage Return\", "
                + "\"\\ufb33\": \"Hebrew Letter Dalet With Dagesh\", \"1\": \"One\", "
                + "\"\\ud83d\\ude00\": \"Emoji: Grinning Face\", \"\\u0080\": \"Control\", "
                + "\"\\u00f6\": \"Latin Small Letter O With Diaeresis\"}";

        JsonNode canonical = json.readTree(Canonical.canonicalize(json.readTree(input)));
        List<String> order = new ArrayList<>();
        canonical.elements().forEachRemaining(value -> order.add(value.asText()));

        assertThat(order).containsExactly("Carriage Return", "One", "Control", "Latin Small Letter O With Diaeresis",
                "Euro Sign", "Emoji: Grinning Face", "Hebrew Letter Dalet With Dagesh");
    }

    @Test
    void keepsNonAsciiCharactersLiteralAndEncodesUtf8() throws Exception {
        JsonNode node = json.readTree("{\"currency\":\"\\u20ac\"}");

        assertThat(Canonical.canonicalize(node)).isEqualTo("{\"currency\":\"\u20ac\"}");
        assertThat(Canonical.canonicalBytes(node)).endsWith(new byte[] {(byte) 0xe2, (byte) 0x82, (byte) 0xac, '"', '}'});
    }

    @Test
    void equalJsonGivesEqualBytes() throws Exception {
        JsonNode first = json.readTree("{\"a\": 1.0, \"b\": [\"x\"]}");
        JsonNode second = json.readTree("{ \"b\":[\"x\"],\"a\":1 }");

        assertThat(Canonical.canonicalBytes(first)).isEqualTo(Canonical.canonicalBytes(second));
    }

    @Test
    void rejectsWhatJcsCannotExpress() {
        assertThatThrownBy(() -> Canonical.canonicalize("{\"a\":")).isInstanceOf(IllegalArgumentException.class);
        ObjectNode notANumber = JsonNodeFactory.instance.objectNode().set("x", DoubleNode.valueOf(Double.NaN));
        assertThatThrownBy(() -> Canonical.canonicalize(notANumber)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Canonical.canonicalize("{\"a\":1,\"a\":2}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsTopLevelArrays() {
        assertThat(Canonical.canonicalize("[ {\"b\":1, \"a\":0}, 2.50 ]")).isEqualTo("[{\"a\":0,\"b\":1},2.5]");
    }
}
