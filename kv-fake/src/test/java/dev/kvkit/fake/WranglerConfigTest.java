package dev.kvkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kvkit.fake.WranglerConfig.KvNamespaceBinding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WranglerConfigTest {

    static final String TOML = """
            name = "worker"

            [[kv_namespaces]]
            binding = "TODO"
            id = "06779da6940b431db6e566b4846d64db"
            preview_id = "preview-todo"

            [[kv_namespaces]]
            binding = "CACHE"
            id = "cache-id"
            remote = true

            [env.staging]
            kv_namespaces = [
              { binding = "TODO", id = "e29b263ab50e42ce9b637fa8370175e8" }
            ]

            [env.production]
            route = "*"
            """;

    static final String JSONC = """
            {
              "$schema": "./node_modules/wrangler/config-schema.json",
              "name": "worker", // the worker's name
              /* top-level bindings */
              "kv_namespaces": [
                { "binding": "TODO", "id": "06779da6940b431db6e566b4846d64db", },
              ],
              "env": {
                "staging": {
                  "kv_namespaces": [{ "binding": "TODO", "id": "staging-id" }],
                },
              },
            }
            """;

    @Nested
    class Toml {

        @Test
        void readsTopLevelBindingsWithIdPreviewIdAndRemote() {
            WranglerConfig config = WranglerConfig.parseToml(TOML, "wrangler.toml");

            assertThat(config.kvNamespaces())
                    .containsExactly(
                            new KvNamespaceBinding("TODO", "06779da6940b431db6e566b4846d64db", "preview-todo", false),
                            new KvNamespaceBinding("CACHE", "cache-id", null, true));
        }

        @Test
        void environmentHasItsOwnBindings() {
            WranglerConfig config = WranglerConfig.parseToml(TOML, "wrangler.toml");

            assertThat(config.environments()).containsExactly("staging", "production");
            assertThat(config.kvNamespace("TODO", "staging").id()).isEqualTo("e29b263ab50e42ce9b637fa8370175e8");
        }

        @Test
        void environmentDoesNotInheritTopLevelBindings() {
            WranglerConfig config = WranglerConfig.parseToml(TOML, "wrangler.toml");

            assertThat(config.kvNamespaces("production")).isEmpty();
            assertThatThrownBy(() -> config.kvNamespace("CACHE", "staging"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("No KV binding \"CACHE\" in env.staging.kv_namespaces of wrangler.toml;"
                            + " bindings there: TODO");
        }

        @Test
        void unknownBindingListsTheBindingsThatExist() {
            WranglerConfig config = WranglerConfig.parseToml(TOML, "wrangler.toml");

            assertThatThrownBy(() -> config.kvNamespace("TODOS", null))
                    .hasMessage("No KV binding \"TODOS\" in the top-level kv_namespaces of wrangler.toml;"
                            + " bindings there: TODO, CACHE");
        }

        @Test
        void unknownEnvironmentListsTheEnvironmentsThatExist() {
            WranglerConfig config = WranglerConfig.parseToml(TOML, "wrangler.toml");

            assertThatThrownBy(() -> config.kvNamespace("TODO", "qa"))
                    .hasMessage("No environment \"qa\" in wrangler.toml; environments there: staging, production");
        }

        @Test
        void invalidTomlNamesTheSource() {
            assertThatThrownBy(() -> WranglerConfig.parseToml("kv_namespaces = [", "broken.toml"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("broken.toml is not valid: ");
        }

        @Test
        void bindingWithoutNameIsRefusedWithItsIndex() {
            String toml = "[[kv_namespaces]]\nbinding = \"A\"\n[[kv_namespaces]]\nid = \"x\"\n";

            assertThatThrownBy(() -> WranglerConfig.parseToml(toml, "wrangler.toml"))
                    .hasMessage("wrangler.toml: kv_namespaces[1] has no \"binding\"");
        }

        @Test
        void remoteMustBeABoolean() {
            String toml = "[[kv_namespaces]]\nbinding = \"A\"\nremote = \"yes\"\n";

            assertThatThrownBy(() -> WranglerConfig.parseToml(toml, "wrangler.toml"))
                    .hasMessage("wrangler.toml: kv_namespaces[0]: \"remote\" must be true or false, but was: \"yes\"");
        }
    }

    @Nested
    class Json {

        @Test
        void readsJsonWithCommentsAndTrailingCommas() {
            WranglerConfig config = WranglerConfig.parseJson(JSONC, "wrangler.jsonc");

            assertThat(config.kvNamespace("TODO", null).id()).isEqualTo("06779da6940b431db6e566b4846d64db");
            assertThat(config.kvNamespace("TODO", "staging").id()).isEqualTo("staging-id");
        }

        @Test
        void kvNamespacesMustBeAnArray() {
            assertThatThrownBy(() -> WranglerConfig.parseJson("{\"kv_namespaces\": {}}", "wrangler.json"))
                    .hasMessage("wrangler.json: kv_namespaces must be an array of tables");
        }

        @Test
        void topLevelMustBeAnObject() {
            assertThatThrownBy(() -> WranglerConfig.parseJson("[]", "wrangler.json"))
                    .hasMessage("wrangler.json must hold a table (an object) at the top level");
        }
    }

    @Nested
    class FileLookup {

        @TempDir
        Path directory;

        @Test
        void findPrefersJsonOverJsoncOverToml() throws IOException {
            Files.writeString(directory.resolve("wrangler.toml"), TOML);
            assertThat(WranglerConfig.find(directory)).contains(directory.resolve("wrangler.toml"));

            Files.writeString(directory.resolve("wrangler.jsonc"), JSONC);
            assertThat(WranglerConfig.find(directory)).contains(directory.resolve("wrangler.jsonc"));

            Files.writeString(directory.resolve("wrangler.json"), "{}");
            assertThat(WranglerConfig.find(directory)).contains(directory.resolve("wrangler.json"));
        }

        @Test
        void findReturnsEmptyWithoutAConfiguration() {
            assertThat(WranglerConfig.find(directory)).isEmpty();
        }

        @Test
        void readChoosesTheParserByExtension() throws IOException {
            Path toml = Files.writeString(directory.resolve("wrangler.toml"), TOML);
            Path jsonc = Files.writeString(directory.resolve("wrangler.jsonc"), JSONC);

            assertThat(WranglerConfig.read(toml).kvNamespaces()).hasSize(2);
            assertThat(WranglerConfig.read(jsonc).kvNamespaces()).hasSize(1);
            assertThat(WranglerConfig.read(toml).source()).isEqualTo(toml.toString());
        }

        @Test
        void readOfAMissingFileNamesIt() {
            Path missing = directory.resolve("wrangler.toml");

            assertThatThrownBy(() -> WranglerConfig.read(missing))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessage("Could not read the wrangler configuration " + missing);
        }
    }
}
