package dev.kvkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RawJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void valuesOfEverySizeGoOutAsTheirBytesWhereverTheyFallInTheGeneratorsBuffer() throws Exception {
        // Sizes up to the 1,024-byte metadata limit, so some values straddle the end of the
        // generator's output buffer and take its other path (asUnquotedUTF8).
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            values.add("{\"n\":" + i + ",\"s\":\"" + "é🎉x".repeat(i % 97) + "\"}");
        }
        ByteArrayBuilder out = new ByteArrayBuilder();
        try (JsonGenerator json = JSON.getFactory().createGenerator(out)) {
            json.writeStartArray();
            for (String value : values) {
                json.writeRawValue(new RawJson(value.getBytes(StandardCharsets.UTF_8)));
            }
            json.writeEndArray();
        }

        String written = new String(out.toByteArray(), StandardCharsets.UTF_8);

        assertThat(written).isEqualTo("[" + String.join(",", values) + "]");
        JsonNode parsed = JSON.readTree(written);
        assertThat(parsed).hasSize(400);
        assertThat(parsed.get(5).get("s").asText()).isEqualTo("é🎉x".repeat(5));
    }

    @Test
    void theOtherFormsAreTheTextsOwn() throws Exception {
        RawJson raw = new RawJson("{\"s\":\"é\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(raw.getValue()).isEqualTo("{\"s\":\"é\"}").isEqualTo(raw.toString());
        assertThat(raw.charLength()).isEqualTo(9);
        assertThat(new String(raw.asUnquotedUTF8(), StandardCharsets.UTF_8)).isEqualTo("{\"s\":\"é\"}");
        assertThat(new String(raw.asQuotedUTF8(), StandardCharsets.UTF_8)).isEqualTo("{\\\"s\\\":\\\"é\\\"}");
        assertThat(new String(raw.asQuotedChars())).isEqualTo("{\\\"s\\\":\\\"é\\\"}");
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        assertThat(raw.writeUnquotedUTF8(stream)).isEqualTo(10);
        assertThat(stream.toString(StandardCharsets.UTF_8)).isEqualTo("{\"s\":\"é\"}");
        assertThat(raw.appendUnquotedUTF8(new byte[9], 0)).isEqualTo(-1);
        assertThat(raw.putUnquotedUTF8(ByteBuffer.allocate(9))).isEqualTo(-1);
        ByteBuffer buffer = ByteBuffer.allocate(10);
        assertThat(raw.putUnquotedUTF8(buffer)).isEqualTo(10);
        assertThat(buffer.array()).isEqualTo("{\"s\":\"é\"}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theBytesAreNotHandedOutForChange() {
        byte[] stored = "1".getBytes(StandardCharsets.US_ASCII);
        RawJson raw = new RawJson(stored);

        raw.asUnquotedUTF8()[0] = '2';

        assertThat(raw.getValue()).isEqualTo("1");
    }
}
