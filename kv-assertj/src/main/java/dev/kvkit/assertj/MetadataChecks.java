package dev.kvkit.assertj;

import static dev.kvkit.assertj.error.ShouldHaveMetadata.shouldHaveMetadata;
import static dev.kvkit.assertj.error.ShouldHaveMetadataValue.shouldHaveMetadataValue;
import static dev.kvkit.assertj.error.ShouldHaveNoMetadata.shouldHaveNoMetadata;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * The metadata assertions entries, list keys and {@code getWithMetadata} results share, over the
 * metadata as parsed JSON ({@code null} when there is none).
 */
final class MetadataChecks {

    private MetadataChecks() {}

    static void hasMetadata(
            AbstractAssert<?, ?> self, Object actual, JsonNode found, String expectedJson, ObjectMapper mapper) {
        Objects.requireNonNull(expectedJson, "expectedJson");
        JsonNode expected = JsonSupport.parseExpected(mapper, expectedJson, "metadata");
        if (found == null) {
            throw Failing.of(self, shouldHaveMetadata(actual, JsonSupport.compact(expected), "no metadata"));
        }
        if (!JsonSupport.equal(found, expected)) {
            throw Failing.withDiff(
                    self,
                    shouldHaveMetadata(actual, JsonSupport.compact(expected), JsonSupport.compact(found)),
                    JsonSupport.pretty(found),
                    JsonSupport.pretty(expected));
        }
    }

    static void hasMetadataValue(
            AbstractAssert<?, ?> self,
            Object actual,
            JsonNode found,
            String pointer,
            Object expected,
            ObjectMapper mapper) {
        JsonPointer path = pointer(pointer);
        JsonNode expectedNode = mapper.valueToTree(expected);
        String expectedText = JsonSupport.compact(expectedNode);
        if (found == null) {
            throw Failing.of(self, shouldHaveMetadataValue(actual, pointer, expectedText, "no metadata"));
        }
        JsonNode value = found.at(path);
        if (value.isMissingNode()) {
            throw Failing.of(
                    self,
                    shouldHaveMetadataValue(
                            actual, pointer, expectedText, "nothing there in " + JsonSupport.compact(found)));
        }
        if (!JsonSupport.equal(value, expectedNode)) {
            throw Failing.withDiff(
                    self,
                    shouldHaveMetadataValue(actual, pointer, expectedText, JsonSupport.compact(value)),
                    JsonSupport.pretty(value),
                    JsonSupport.pretty(expectedNode));
        }
    }

    static void hasNoMetadata(AbstractAssert<?, ?> self, Object actual, JsonNode found) {
        if (found != null) {
            throw Failing.of(self, shouldHaveNoMetadata(actual, JsonSupport.compact(found)));
        }
    }

    private static JsonPointer pointer(String pointer) {
        Objects.requireNonNull(pointer, "pointer");
        try {
            return JsonPointer.compile(pointer);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "A metadata path is a JSON pointer such as \"/owner/id\", but was: " + pointer, e);
        }
    }
}
