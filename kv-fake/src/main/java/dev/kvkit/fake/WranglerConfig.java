package dev.kvkit.fake;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The KV part of a wrangler configuration file ({@code wrangler.toml}, {@code wrangler.json} or
 * {@code wrangler.jsonc}): the {@code kv_namespaces} at the top level and in each {@code
 * env.<name>} environment.
 *
 * <pre>{@code
 * WranglerConfig config = WranglerConfig.read(Path.of("wrangler.toml"));
 * String id = config.kvNamespace("TODO", "staging").id();
 * }</pre>
 *
 * <p>As in wrangler, an environment does not inherit the top-level {@code kv_namespaces}: an
 * environment that declares none has none. TOML is read with Jackson's TOML parser, JSON with
 * comments and trailing commas allowed, as wrangler allows them in both {@code .json} and {@code
 * .jsonc}. Everything outside {@code kv_namespaces} and {@code env} is ignored.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class WranglerConfig {

    /**
     * The file names wrangler looks for, in the order it prefers them when more than one is there.
     *
     * @since 0.1.0
     */
    public static final List<String> FILE_NAMES = List.of("wrangler.json", "wrangler.jsonc", "wrangler.toml");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();
    private static final ObjectMapper TOML = new TomlMapper();

    private final String source;
    private final List<KvNamespaceBinding> topLevel;
    private final Map<String, List<KvNamespaceBinding>> environments;

    private WranglerConfig(
            String source, List<KvNamespaceBinding> topLevel, Map<String, List<KvNamespaceBinding>> environments) {
        this.source = source;
        this.topLevel = topLevel;
        this.environments = environments;
    }

    /**
     * Returns the wrangler configuration file in a directory, as wrangler would pick it.
     *
     * @param directory the directory to look in, such as the project directory
     * @return the first of {@link #FILE_NAMES} that is a regular file there, or empty
     */
    public static Optional<Path> find(Path directory) {
        Objects.requireNonNull(directory, "directory");
        return FILE_NAMES.stream()
                .map(directory::resolve)
                .filter(Files::isRegularFile)
                .findFirst();
    }

    /**
     * Reads a wrangler configuration file; {@code .toml} files as TOML, any other as JSON with
     * comments.
     *
     * @param file the file
     * @return the configuration
     * @throws UncheckedIOException if the file cannot be read
     * @throws IllegalArgumentException naming the file when it is not valid or its {@code
     *     kv_namespaces} are malformed
     */
    public static WranglerConfig read(Path file) {
        Objects.requireNonNull(file, "file");
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the wrangler configuration " + file, e);
        }
        boolean toml = file.getFileName().toString().endsWith(".toml");
        return toml ? parseToml(text, file.toString()) : parseJson(text, file.toString());
    }

    /**
     * Parses the text of a {@code wrangler.toml}.
     *
     * @param toml the file's content
     * @param source the file's name, used in error messages and {@link #source()}
     * @return the configuration
     * @throws IllegalArgumentException naming the source when the text is not valid
     */
    public static WranglerConfig parseToml(String toml, String source) {
        return parse(TOML, toml, source);
    }

    /**
     * Parses the text of a {@code wrangler.json} or {@code wrangler.jsonc}; comments and trailing
     * commas are allowed.
     *
     * @param json the file's content
     * @param source the file's name, used in error messages and {@link #source()}
     * @return the configuration
     * @throws IllegalArgumentException naming the source when the text is not valid
     */
    public static WranglerConfig parseJson(String json, String source) {
        return parse(JSON, json, source);
    }

    private static WranglerConfig parse(ObjectMapper mapper, String text, String source) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(source + " is not valid: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + " must hold a table (an object) at the top level");
        }
        List<KvNamespaceBinding> topLevel = bindings(root.get("kv_namespaces"), source, "kv_namespaces");
        Map<String, List<KvNamespaceBinding>> environments = new LinkedHashMap<>();
        JsonNode env = root.get("env");
        if (env != null) {
            if (!env.isObject()) {
                throw new IllegalArgumentException(source + ": \"env\" must be a table of environments");
            }
            for (Map.Entry<String, JsonNode> environment : env.properties()) {
                String path = "env." + environment.getKey() + ".kv_namespaces";
                environments.put(
                        environment.getKey(), bindings(environment.getValue().get("kv_namespaces"), source, path));
            }
        }
        return new WranglerConfig(source, topLevel, Collections.unmodifiableMap(environments));
    }

    private static List<KvNamespaceBinding> bindings(JsonNode array, String source, String path) {
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new IllegalArgumentException(source + ": " + path + " must be an array of tables");
        }
        List<KvNamespaceBinding> bindings = new ArrayList<>();
        for (int index = 0; index < array.size(); index++) {
            JsonNode item = array.get(index);
            String where = source + ": " + path + "[" + index + "]";
            if (!item.isObject()) {
                throw new IllegalArgumentException(where + " must be a table with a \"binding\"");
            }
            bindings.add(new KvNamespaceBinding(
                    text(item, "binding", where, true),
                    text(item, "id", where, false),
                    text(item, "preview_id", where, false),
                    flag(item, "remote", where)));
        }
        return List.copyOf(bindings);
    }

    private static String text(JsonNode item, String field, String where, boolean required) {
        JsonNode node = item.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new IllegalArgumentException(where + " has no \"" + field + "\"");
            }
            return null;
        }
        if (!node.isTextual() || (required && node.asText().isEmpty())) {
            throw new IllegalArgumentException(
                    where + ": \"" + field + "\" must be a non-empty string, but was: " + node);
        }
        return node.asText();
    }

    private static boolean flag(JsonNode item, String field, String where) {
        JsonNode node = item.get(field);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw new IllegalArgumentException(where + ": \"" + field + "\" must be true or false, but was: " + node);
        }
        return node.booleanValue();
    }

    /**
     * Returns where this configuration was read from.
     *
     * @return the file name given when it was read
     */
    public String source() {
        return source;
    }

    /**
     * Returns the names of the environments under {@code env}, in file order.
     *
     * @return the environment names
     */
    public Set<String> environments() {
        return environments.keySet();
    }

    /**
     * Returns the top-level {@code kv_namespaces}.
     *
     * @return the bindings, in file order
     */
    public List<KvNamespaceBinding> kvNamespaces() {
        return topLevel;
    }

    /**
     * Returns the {@code kv_namespaces} of an environment; not those of the top level.
     *
     * @param environment the environment, such as {@code "staging"}
     * @return the bindings, in file order; empty when the environment declares none
     * @throws IllegalArgumentException listing the environments when there is no such environment
     */
    public List<KvNamespaceBinding> kvNamespaces(String environment) {
        Objects.requireNonNull(environment, "environment");
        List<KvNamespaceBinding> bindings = environments.get(environment);
        if (bindings == null) {
            throw new IllegalArgumentException("No environment \"" + environment + "\" in " + source
                    + "; environments there: " + listOrNone(environments.keySet()));
        }
        return bindings;
    }

    /**
     * Returns the binding with the given name, at the top level or in an environment.
     *
     * @param binding the binding name, such as {@code "TODO"}
     * @param environment the environment, or {@code null} for the top level
     * @return the binding
     * @throws IllegalArgumentException listing the bindings that exist when there is no such binding,
     *     or listing the environments when there is no such environment
     */
    public KvNamespaceBinding kvNamespace(String binding, String environment) {
        Objects.requireNonNull(binding, "binding");
        List<KvNamespaceBinding> candidates = environment == null ? topLevel : kvNamespaces(environment);
        for (KvNamespaceBinding candidate : candidates) {
            if (candidate.binding().equals(binding)) {
                return candidate;
            }
        }
        String scope = environment == null ? "the top-level kv_namespaces" : "env." + environment + ".kv_namespaces";
        throw new IllegalArgumentException("No KV binding \"" + binding + "\" in " + scope + " of " + source
                + "; bindings there: "
                + listOrNone(
                        candidates.stream().map(KvNamespaceBinding::binding).toList()));
    }

    private static String listOrNone(java.util.Collection<String> names) {
        return names.isEmpty() ? "(none)" : String.join(", ", names);
    }

    @Override
    public String toString() {
        return "WranglerConfig[" + source + ", " + topLevel.size() + " KV bindings, environments "
                + environments.keySet() + "]";
    }

    /**
     * One entry of {@code kv_namespaces}.
     *
     * @param binding the binding name, such as {@code "TODO"}
     * @param id the namespace id, or {@code null} when the entry has none
     * @param previewId the {@code preview_id}, or {@code null} when the entry has none
     * @param remote whether {@code wrangler dev} uses the remote namespace ({@code remote = true})
     * @since 0.1.0
     */
    public record KvNamespaceBinding(String binding, String id, String previewId, boolean remote) {

        /**
         * Checks the binding name.
         *
         * @param binding the binding name
         * @param id the namespace id, or {@code null}
         * @param previewId the preview id, or {@code null}
         * @param remote whether the binding is remote
         */
        public KvNamespaceBinding {
            Objects.requireNonNull(binding, "binding");
        }
    }
}
