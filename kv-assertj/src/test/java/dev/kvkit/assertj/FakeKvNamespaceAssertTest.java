package dev.kvkit.assertj;

import static dev.kvkit.assertj.KvAssertions.assertThat;
import static dev.kvkit.assertj.Messages.expectAssertionError;
import static dev.kvkit.assertj.Messages.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.kvkit.PutOptions;
import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.TestClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class FakeKvNamespaceAssertTest {

    private final TestClock clock = TestClock.create();
    private final FakeKvNamespace kv =
            FakeKvNamespace.builder().name("TODO").clock(clock).build();

    @Nested
    class ContainsKey {

        @Test
        void passesForALiveKey() {
            kv.put("user:42", "Ada");

            assertThat(kv).containsKey("user:42");
        }

        @Test
        void failureNamesTheKeysHeldAndTheNearestOnes() {
            kv.put("user:41", "Grace");
            kv.put("user:42", "Ada");
            kv.put("order:7", "pending");

            AssertionError error = expectAssertionError(() -> assertThat(kv).containsKey("user:43"));

            assertThat(error).hasMessage(message("""

                            Expecting actual:
                              FakeKvNamespace[TODO, 3 keys, TestClock[2026-01-01T00:00:00Z]]
                            to contain key:
                              "user:43"
                            but it holds 3 keys:
                              ["order:7", "user:41", "user:42"]
                            nearest key names:
                              ["user:41", "user:42", "order:7"]"""));
        }

        @Test
        void failureOnAnEmptyNamespaceSaysItHoldsNoKeys() {
            AssertionError error = expectAssertionError(() -> assertThat(kv).containsKey("user:42"));

            assertThat(error).hasMessage(message("""

                            Expecting actual:
                              FakeKvNamespace[TODO, 0 keys, TestClock[2026-01-01T00:00:00Z]]
                            to contain key:
                              "user:42"
                            but it holds no keys"""));
        }

        @Test
        void failureListsOnlyTheFirstTwentyKeysOfALargeNamespace() {
            for (int i = 10; i < 35; i++) {
                kv.put("k" + i, "v");
            }

            AssertionError error = expectAssertionError(() -> assertThat(kv).containsKey("k99"));

            assertThat(error).hasMessage(message("""

                            Expecting actual:
                              FakeKvNamespace[TODO, 25 keys, TestClock[2026-01-01T00:00:00Z]]
                            to contain key:
                              "k99"
                            but it holds 25 keys, the first 20 being:
                              ["k10",
                                "k11",
                                "k12",
                                "k13",
                                "k14",
                                "k15",
                                "k16",
                                "k17",
                                "k18",
                                "k19",
                                "k20",
                                "k21",
                                "k22",
                                "k23",
                                "k24",
                                "k25",
                                "k26",
                                "k27",
                                "k28",
                                "k29"]
                            nearest key names:
                              ["k19", "k29", "k10"]"""));
        }

        @Test
        void anExpiredKeyIsNotContained() {
            kv.put("session:1", "ada", PutOptions.defaults().withExpirationTtl(Duration.ofMinutes(1)));
            clock.advance(Duration.ofMinutes(1));

            AssertionError error = expectAssertionError(() -> assertThat(kv).containsKey("session:1"));

            assertThat(error).hasMessageContaining("but it holds no keys");
        }
    }

    @Nested
    class DoesNotContainKey {

        @Test
        void passesForAMissingKey() {
            kv.put("user:42", "Ada");

            assertThat(kv).doesNotContainKey("user:43");
        }

        @Test
        void failureShowsTheEntryHeld() {
            kv.put("user:42", "Ada", PutOptions.defaults().withMetadata(Map.of("owner", "ada")));

            AssertionError error = expectAssertionError(() -> assertThat(kv).doesNotContainKey("user:42"));

            assertThat(error).hasMessage(message("""

                            Expecting actual:
                              FakeKvNamespace[TODO, 1 key, TestClock[2026-01-01T00:00:00Z]]
                            not to contain key:
                              "user:42"
                            but it holds:
                              KvEntry[key="user:42", value="Ada", metadata={"owner":"ada"}]"""));
        }
    }

    @Nested
    class ContainsExactlyKeys {

        @Test
        void passesForTheKeysInListOrder() {
            kv.put("b", "2");
            kv.put("a", "1");

            assertThat(kv).containsExactlyKeys("a", "b");
        }

        @Test
        void failureNamesMissingAndUnexpectedKeysWithActualAndExpectedForADiff() {
            kv.put("a", "1");
            kv.put("c", "3");

            AssertionError error = expectAssertionError(() -> assertThat(kv).containsExactlyKeys("a", "b"));

            assertThat(error).hasMessage(message("""

                            Expecting actual:
                              FakeKvNamespace[TODO, 2 keys, TestClock[2026-01-01T00:00:00Z]]
                            to contain exactly these keys, in list order
                            1 key not found:
                              ["b"]
                            1 key not expected:
                              ["c"]
                            expected 2 keys:
                              ["a", "b"]
                            but it holds 2 keys:
                              ["a", "c"]"""));
            assertThat(error).isInstanceOf(AssertionFailedError.class);
            AssertionFailedError diff = (AssertionFailedError) error;
            assertThat(diff.getActual().getValue()).isEqualTo(java.util.List.of("a", "c"));
            assertThat(diff.getExpected().getValue()).isEqualTo(java.util.List.of("a", "b"));
        }

        @Test
        void failureSaysWhenOnlyTheOrderDiffers() {
            kv.put("a", "1");
            kv.put("b", "2");

            AssertionError error = expectAssertionError(() -> assertThat(kv).containsExactlyKeys("b", "a"));

            assertThat(error).hasMessage(message("""

                            Expecting actual:
                              FakeKvNamespace[TODO, 2 keys, TestClock[2026-01-01T00:00:00Z]]
                            to contain exactly these keys, in list order, and it holds them, but in another order
                            expected 2 keys:
                              ["b", "a"]
                            but it holds 2 keys:
                              ["a", "b"]"""));
        }

        @Test
        void failureWithOnlyMissingKeys() {
            kv.put("a", "1");

            AssertionError error = expectAssertionError(() -> assertThat(kv).containsExactlyKeys("a", "b"));

            assertThat(error).hasMessage(message("""

                            Expecting actual:
                              FakeKvNamespace[TODO, 1 key, TestClock[2026-01-01T00:00:00Z]]
                            to contain exactly these keys, in list order
                            1 key not found:
                              ["b"]
                            expected 2 keys:
                              ["a", "b"]
                            but it holds 1 key:
                              ["a"]"""));
        }

        @Test
        void failureWithOnlyUnexpectedKeys() {
            kv.put("a", "1");
            kv.put("b", "2");

            AssertionError error = expectAssertionError(() -> assertThat(kv).containsExactlyKeys("a"));

            assertThat(error).hasMessage(message("""

                            Expecting actual:
                              FakeKvNamespace[TODO, 2 keys, TestClock[2026-01-01T00:00:00Z]]
                            to contain exactly these keys, in list order
                            1 key not expected:
                              ["b"]
                            expected 1 key:
                              ["a"]
                            but it holds 2 keys:
                              ["a", "b"]"""));
        }
    }

    @Nested
    class HasKeysWithPrefix {

        @Test
        void passesWhenTheKeysWithThePrefixAreExactlyThese() {
            kv.put("user:1", "Ada");
            kv.put("user:2", "Grace");
            kv.put("order:7", "pending");

            assertThat(kv).hasKeysWithPrefix("user:", "user:1", "user:2").hasKeysWithPrefix("invoice:");
        }

        @Test
        void failureShowsTheKeysWithThePrefix() {
            kv.put("user:1", "Ada");
            kv.put("order:7", "pending");

            AssertionError error =
                    expectAssertionError(() -> assertThat(kv).hasKeysWithPrefix("user:", "user:1", "user:2"));

            assertThat(error).hasMessage(message("""

                            Expecting actual:
                              FakeKvNamespace[TODO, 2 keys, TestClock[2026-01-01T00:00:00Z]]
                            to hold exactly these keys with prefix "user:", in list order:
                              ["user:1", "user:2"]
                            but the keys with that prefix are:
                              ["user:1"]"""));
        }
    }

    @Nested
    class HasSizeAndIsEmpty {

        @Test
        void passesForTheNumberOfLiveKeys() {
            kv.put("a", "1");
            kv.put("b", "2", PutOptions.defaults().withExpirationTtl(Duration.ofMinutes(1)));
            clock.advance(Duration.ofMinutes(1));

            assertThat(kv).hasSize(1);
        }

        @Test
        void sizeFailureListsTheKeys() {
            kv.put("a", "1");

            AssertionError error = expectAssertionError(() -> assertThat(kv).hasSize(2));

            assertThat(error).hasMessage(message("""

                            Expecting actual:
                              FakeKvNamespace[TODO, 1 key, TestClock[2026-01-01T00:00:00Z]]
                            to hold 2 keys but holds 1:
                              ["a"]"""));
        }

        @Test
        void passesForAnEmptyNamespace() {
            assertThat(kv).isEmpty();
        }

        @Test
        void emptyFailureListsTheKeys() {
            kv.put("a", "1");

            AssertionError error = expectAssertionError(() -> assertThat(kv).isEmpty());

            assertThat(error).hasMessage(message("""

                            Expecting actual:
                              FakeKvNamespace[TODO, 1 key, TestClock[2026-01-01T00:00:00Z]]
                            to be empty but it holds 1 key:
                              ["a"]"""));
        }
    }

    @Nested
    class HasText {

        @Test
        void passesForTheText() {
            kv.put("greeting", "hello");

            assertThat(kv).hasText("greeting", "hello");
        }

        @Test
        void failureShowsBothTextsForADiff() {
            kv.put("greeting", "hello");

            AssertionError error = expectAssertionError(() -> assertThat(kv).hasText("greeting", "hallo"));

            assertThat(error).hasMessage(message("""

                            Expecting actual:
                              FakeKvNamespace[TODO, 1 key, TestClock[2026-01-01T00:00:00Z]]
                            to hold at key "greeting" the text:
                              "hallo"
                            but was:
                              "hello\""""));
            AssertionFailedError diff = (AssertionFailedError) error;
            assertThat(diff.getActual().getValue()).isEqualTo("hello");
            assertThat(diff.getExpected().getValue()).isEqualTo("hallo");
        }

        @Test
        void anOverridingMessageReplacesTheDiffMessageAndADescriptionPrefixesIt() {
            kv.put("greeting", "hello");

            AssertionError overridden = expectAssertionError(
                    () -> assertThat(kv).withFailMessage("greeting changed").hasText("greeting", "hallo"));
            AssertionError described =
                    expectAssertionError(() -> assertThat(kv).as("greetings").hasText("greeting", "hallo"));

            assertThat(overridden).hasMessage("greeting changed");
            assertThat(described).hasMessageStartingWith(message("[greetings] \nExpecting actual:"));
        }

        @Test
        void failureForAMissingKeyNamesTheNearestKeys() {
            kv.put("greeting", "hello");

            AssertionError error = expectAssertionError(() -> assertThat(kv).hasText("greetings", "hello"));

            assertThat(error).hasMessageEndingWith(message("nearest key names:\n  [\"greeting\"]"));
        }
    }

    @Nested
    class HasJson {

        @Test
        void comparesAsJsonNotAsText() {
            kv.put("user:42", "{\"name\":\"Ada\",\"admin\":true,\"age\":36}");

            assertThat(kv).hasJson("user:42", "{ \"admin\": true, \"age\": 36.0, \"name\": \"Ada\" }");
        }

        @Test
        void failureShowsBothSidesAsJsonWithActualAndExpectedForADiff() {
            kv.putJson("user:42", Map.of("name", "Ada"));

            AssertionError error =
                    expectAssertionError(() -> assertThat(kv).hasJson("user:42", "{\"name\": \"Grace\"}"));

            assertThat(error).hasMessage(message("""

                            Expecting actual:
                              FakeKvNamespace[TODO, 1 key, TestClock[2026-01-01T00:00:00Z]]
                            to hold at key "user:42" JSON equal to:
                              {"name":"Grace"}
                            but was:
                              {"name":"Ada"}"""));
            AssertionFailedError diff = (AssertionFailedError) error;
            assertThat(diff.getActual().getValue()).isEqualTo(message("{\n  \"name\" : \"Ada\"\n}"));
            assertThat(diff.getExpected().getValue()).isEqualTo(message("{\n  \"name\" : \"Grace\"\n}"));
        }

        @Test
        void failureWhenTheValueIsNotJson() {
            kv.put("greeting", "hello");

            AssertionError error = expectAssertionError(() -> assertThat(kv).hasJson("greeting", "\"hello\""));

            assertThat(error).hasMessage(message("""

                            Expecting actual:
                              FakeKvNamespace[TODO, 1 key, TestClock[2026-01-01T00:00:00Z]]
                            to hold at key "greeting" a value decodable as JSON, but it was:
                              "hello"
                            which fails with:
                              Unrecognized token 'hello': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"""));
        }

        @Test
        void refusesAnExpectedValueThatIsNotJson() {
            kv.put("greeting", "\"hello\"");

            assertThatIllegalArgumentException()
                    .isThrownBy(() -> assertThat(kv).hasJson("greeting", "{name"))
                    .withMessageStartingWith("The expected value is not valid JSON: {name (");
        }
    }
}
