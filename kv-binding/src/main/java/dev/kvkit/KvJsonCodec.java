package dev.kvkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Type;

/**
 * How a kvkit binding turns Java values into JSON and back: {@code putJson} values, metadata, JSON
 * reads and typed metadata. It is the application's own JSON mapper, a Jackson 2 {@code ObjectMapper}
 * or a Jackson 3 {@code JsonMapper}, held to the rules of a Worker's {@code JSON.stringify} and
 * {@code JSON.parse}, so a value reads back in Java exactly as a Worker would read it.
 *
 * <pre>{@code
 * KvJsonCodec codec = KvJsonCodec.jackson3(applicationJsonMapper);   // Spring Boot 4
 * KvJsonCodec codec = KvJsonCodec.jackson2(applicationObjectMapper); // Spring Boot 3
 * }</pre>
 *
 * <p>Whatever the mapper, the codec
 *
 * <ul>
 *   <li>writes as {@code JSON.stringify} does: a supplementary character (an emoji, say) as its four
 *       UTF-8 bytes rather than two escaped surrogates, escapes in lower-case hex ({@code \u001f}),
 *       and {@code /} unescaped (except where a Jackson 2 mapper's factory was built to escape it,
 *       which Jackson 2 lets no writer undo); everything else (property names, dates, modules,
 *       inclusion) is the mapper's own configuration;
 *   <li>reads as {@code JSON.parse} does: strict JSON only, whatever leniency the mapper allows
 *       (comments, single quotes, {@code NaN}, trailing commas, ...), no trailing text, and an empty
 *       value or a byte-order mark is an error. How the JSON binds to a Java type is the mapper's own.
 * </ul>
 *
 * <p>Metadata trees in kvkit's API are Jackson 2 {@link JsonNode}s whichever codec is used, and a
 * Jackson 2 tree is written and read as JSON by both codecs, also inside a record or map. The Jackson
 * 3 codec needs {@code tools.jackson.core:jackson-databind} on the class path, which kvkit does not
 * bring; nothing of Jackson 3 is loaded unless {@link #jackson3} is called.
 *
 * <p>Codecs are immutable and thread-safe. The implementations are kvkit's own: the interface is
 * sealed, so that every codec keeps the rules above.
 *
 * @since 0.1.0
 */
public sealed interface KvJsonCodec permits Jackson2JsonCodec, Jackson3JsonCodec {

    /**
     * Returns the codec every kvkit binding uses when given none: a Jackson 2 mapper with Jackson's
     * defaults plus every Jackson 2 module on the class path, dates and durations written as ISO-8601
     * text (what {@code JSON.stringify(new Date())} stores). Its mapper is kvkit's own and never
     * handed out.
     *
     * @return the default codec, the same instance on every call
     * @since 0.1.0
     */
    static KvJsonCodec defaults() {
        return Jackson2JsonCodec.DEFAULT;
    }

    /**
     * Returns a codec over a Jackson 2 {@code ObjectMapper}, typically the one the application
     * configures. The mapper is used as it is when the codec writes or reads, so it should not be
     * reconfigured once the codec is in use.
     *
     * @param mapper the mapper, for JSON text
     * @return the codec
     * @throws IllegalArgumentException when {@code mapper} is null
     * @since 0.1.0
     */
    static KvJsonCodec jackson2(ObjectMapper mapper) {
        if (mapper == null) {
            throw new IllegalArgumentException("mapper must not be null: pass the application's ObjectMapper");
        }
        return new Jackson2JsonCodec(
                mapper, "KvJsonCodec.jackson2(" + mapper.getClass().getName() + ")");
    }

    /**
     * Returns a codec over a Jackson 3 {@code JsonMapper} ({@code tools.jackson.databind.json}),
     * typically the one the application configures, as Spring Boot 4 does. The codec honours the
     * mapper's modules, naming strategy, date format and features; Jackson 3 mappers are immutable, so
     * the codec sees exactly the configuration the mapper had when it was given.
     *
     * <p>Needs {@code tools.jackson.core:jackson-databind} 3.x on the class path: kvkit depends on it
     * only optionally, and Jackson 2 users never load it.
     *
     * @param mapper the mapper
     * @return the codec
     * @throws IllegalArgumentException when {@code mapper} is null
     * @since 0.1.0
     */
    static KvJsonCodec jackson3(tools.jackson.databind.json.JsonMapper mapper) {
        if (mapper == null) {
            throw new IllegalArgumentException("mapper must not be null: pass the application's JsonMapper");
        }
        return new Jackson3JsonCodec(mapper);
    }

    /**
     * Writes a value as the UTF-8 JSON text a Worker's {@code JSON.stringify} gives for it.
     *
     * @param value a record, bean, map, list, scalar or Jackson 2 tree; {@code null} writes {@code
     *     null}
     * @return the JSON text's UTF-8 bytes
     * @throws IllegalArgumentException when the mapper cannot write the value; the message is the
     *     mapper's, the cause its exception
     * @since 0.1.0
     */
    byte[] write(Object value);

    /**
     * Reads JSON text as a Java type, as strictly as {@code JSON.parse} reads it.
     *
     * @param json the JSON text
     * @param type the Java type, a {@code Class} or a generic type such as {@code
     *     TypeReference.getType()}
     * @param <T> the Java type
     * @return the value; {@code null} for the JSON text {@code null}
     * @throws java.io.UncheckedIOException when the text is not strict JSON or does not bind to {@code
     *     type}; the message is the parser's, the cause an {@code IOException} (Jackson 2's own, or
     *     one wrapping Jackson 3's unchecked exception)
     * @throws IllegalArgumentException when {@code json} or {@code type} is null
     * @since 0.1.0
     */
    <T> T read(String json, Type type);

    /**
     * Reads JSON text as a Jackson 2 tree, the form kvkit's results give metadata in, as strictly as
     * {@link #read} reads it.
     *
     * @param json the JSON text
     * @return the tree
     * @throws java.io.UncheckedIOException when the text is not strict JSON; as {@link #read}
     * @throws IllegalArgumentException when {@code json} is null
     * @since 0.1.0
     */
    JsonNode readTree(String json);
}
