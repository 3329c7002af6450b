package dev.kvkit.assertj;

import static dev.kvkit.assertj.KvAssertions.assertThat;
import static dev.kvkit.assertj.Messages.expectAssertionError;
import static dev.kvkit.assertj.Messages.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.kvkit.KvJsonCodec;
import dev.kvkit.PutOptions;
import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class KvEntryAssertTest {

    record User(String name, boolean admin) {}

    private static final Instant ONE_O_CLOCK = Instant.parse("2026-01-01T01:00:00Z");

    private final TestClock clock = TestClock.create();
    private final FakeKvNamespace kv =
            FakeKvNamespace.builder().name("TODO").clock(clock).build();

    @Test
    void entryOfAMissingKeyFailsAsContainsKeyDoes() {
        kv.put("user:42", "Ada");

        AssertionError error = expectAssertionError(() -> assertThat(kv).entry("user:24"));

        assertThat(error).hasMessage(message("""

                        Expecting actual:
                          FakeKvNamespace[TODO, 1 key, TestClock[2026-01-01T00:00:00Z]]
                        to contain key:
                          "user:24"
                        but it holds 1 key:
                          ["user:42"]
                        nearest key names:
                          ["user:42"]"""));
    }

    @Test
    void entryKeepsTheDescriptionOfTheNamespaceAssert() {
        kv.put("user:42", "Ada");

        AssertionError error = expectAssertionError(
                () -> assertThat(kv).as("users").entry("user:42").hasText("Grace"));

        assertThat(error).hasMessageStartingWith("[users] ");
    }

    @Nested
    class Values {

        @Test
        void textPasses() {
            kv.put("greeting", "hello");

            assertThat(kv).entry("greeting").hasText("hello");
        }

        @Test
        void textFailureShowsBothTextsForADiff() {
            kv.put("greeting", "hello");

            AssertionError error =
                    expectAssertionError(() -> assertThat(kv).entry("greeting").hasText("hallo"));

            assertThat(error).hasMessage(message("""

                            Expecting actual:
                              KvEntry[key="greeting", value="hello"]
                            to hold at key "greeting" the text:
                              "hallo"
                            but was:
                              "hello\""""));
            assertThat(((AssertionFailedError) error).getActual().getValue()).isEqualTo("hello");
        }

        @Test
        void bytesPass() {
            kv.put("blob", new byte[] {1, 2, (byte) 0xff});

            assertThat(kv).entry("blob").hasBytes(new byte[] {1, 2, (byte) 0xff});
        }

        @Test
        void bytesFailureShowsBothArrays() {
            kv.put("blob", new byte[] {1, 2, (byte) 0xff});

            AssertionError error =
                    expectAssertionError(() -> assertThat(kv).entry("blob").hasBytes(new byte[] {1, 2}));

            assertThat(error).hasMessage(message("""

                            Expecting actual:
                              KvEntry[key="blob", value=<3 bytes>]
                            to hold at key "blob" the bytes:
                              [1, 2]
                            but was:
                              [1, 2, -1]"""));
        }

        @Test
        void jsonPassesWhateverTheMemberOrder() {
            kv.putJson("user:42", new User("Ada", true));

            assertThat(kv).entry("user:42").hasJson("{\"admin\": true, \"name\": \"Ada\"}");
        }

        @Test
        void jsonFailureShowsBothSidesAsJson() {
            kv.putJson("user:42", new User("Ada", true));

            AssertionError error = expectAssertionError(
                    () -> assertThat(kv).entry("user:42").hasJson("{\"admin\": false, \"name\": \"Ada\"}"));

            assertThat(error).hasMessage(message("""

                            Expecting actual:
                              KvEntry[key="user:42", value="{"name":"Ada","admin":true}"]
                            to hold at key "user:42" JSON equal to:
                              {"admin":false,"name":"Ada"}
                            but was:
                              {"admin":true,"name":"Ada"}"""));
            AssertionFailedError diff = (AssertionFailedError) error;
            assertThat(diff.getActual().getValue())
                    .isEqualTo(message("{\n  \"admin\" : true,\n  \"name\" : \"Ada\"\n}"));
            assertThat(diff.getExpected().getValue())
                    .isEqualTo(message("{\n  \"admin\" : false,\n  \"name\" : \"Ada\"\n}"));
        }

        @Test
        void jsonValuePassesForTheObjectsJsonForm() {
            kv.put("user:42", "{\"admin\":true,\"name\":\"Ada\"}");

            assertThat(kv).entry("user:42").hasJsonValue(new User("Ada", true));
        }

        @Test
        void jsonValueFailureShowsTheObjectAsJson() {
            kv.put("user:42", "{\"admin\":true,\"name\":\"Ada\"}");

            AssertionError error =
                    expectAssertionError(() -> assertThat(kv).entry("user:42").hasJsonValue(new User("Grace", true)));

            assertThat(error).hasMessage(message("""

                            Expecting actual:
                              KvEntry[key="user:42", value="{"admin":true,"name":"Ada"}"]
                            to hold at key "user:42" JSON equal to:
                              {"admin":true,"name":"Grace"}
                            but was:
                              {"admin":true,"name":"Ada"}"""));
        }

        @Test
        void jsonIsParsedWithTheNamespacesMapper() {
            ObjectMapper snakeCase = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
            FakeKvNamespace snake =
                    FakeKvNamespace.builder().objectMapper(snakeCase).build();
            record Account(String displayName) {}
            snake.put("account:1", "{\"display_name\":\"Ada\"}");

            assertThat(snake).entry("account:1").hasJsonValue(new Account("Ada"));
            assertThat(snake)
                    .entry("account:1")
                    .hasJsonSatisfying(
                            Account.class,
                            account -> assertThat(account.displayName()).isEqualTo("Ada"));
        }

        @Test
        void jsonIsWrittenAndDecodedWithTheNamespacesJackson3Codec() {
            FakeKvNamespace snake = FakeKvNamespace.builder()
                    .jsonCodec(KvJsonCodec.jackson3(tools.jackson.databind.json.JsonMapper.builder()
                            .propertyNamingStrategy(tools.jackson.databind.PropertyNamingStrategies.SNAKE_CASE)
                            .build()))
                    .build();
            record Account(String displayName) {}
            snake.put(
                    "account:1",
                    "{\"display_name\":\"Ada\"}",
                    PutOptions.defaults().withMetadata(Map.of("owner", new Account("Grace"))));

            assertThat(snake).hasJson("account:1", "{\"display_name\": \"Ada\"}");
            assertThat(snake).entry("account:1").hasJsonValue(new Account("Ada"));
            assertThat(snake.location("syd")).entry("account:1").hasJsonValue(new Account("Ada"));
            assertThat(snake).entry("account:1").hasMetadataValue("/owner", new Account("Grace"));
            assertThat(snake)
                    .entry("account:1")
                    .hasJsonSatisfying(
                            Account.class,
                            account -> assertThat(account.displayName()).isEqualTo("Ada"));
            AssertionError error = expectAssertionError(
                    () -> assertThat(snake).entry("account:1").hasJsonValue(new Account("Eve")));
            assertThat(error.getMessage()).contains("{\"display_name\":\"Eve\"}");
        }

        @Test
        void jsonSatisfyingPassesWhenTheDecodedValueMeetsTheRequirements() {
            kv.putJson("user:42", new User("Ada", true));

            assertThat(kv)
                    .entry("user:42")
                    .hasJsonSatisfying(
                            User.class, user -> assertThat(user.admin()).isTrue());
        }

        @Test
        void jsonSatisfyingReportsTheRequirementsFailureAsItIs() {
            kv.putJson("user:42", new User("Ada", true));

            AssertionError error = expectAssertionError(() -> assertThat(kv)
                    .entry("user:42")
                    .hasJsonSatisfying(
                            User.class, user -> assertThat(user.name()).isEqualTo("Grace")));

            assertThat(error).hasMessage(message("""

                            expected: "Grace"
                             but was: "Ada\""""));
        }

        @Test
        void jsonSatisfyingFailsWhenTheValueDoesNotDecodeToTheClass() {
            kv.put("user:42", "[1, 2]");

            AssertionError error = expectAssertionError(
                    () -> assertThat(kv).entry("user:42").hasJsonSatisfying(User.class, user -> {}));

            assertThat(error).hasMessage(message("""

                            Expecting actual:
                              KvEntry[key="user:42", value="[1, 2]"]
                            to hold at key "user:42" a value decodable as dev.kvkit.assertj.KvEntryAssertTest$User, but it was:
                              "[1, 2]"
                            which fails with:
                              Cannot deserialize value of type `dev.kvkit.assertj.KvEntryAssertTest$User` from Array value (token `JsonToken.START_ARRAY`)"""));
        }
    }

    @Nested
    class Metadata {

        @Test
        void metadataPassesAsJson() {
            kv.put("user:42", "Ada", PutOptions.defaults().withMetadata(Map.of("owner", "ada", "version", 3)));

            assertThat(kv).entry("user:42").hasMetadata("{\"version\": 3, \"owner\": \"ada\"}");
        }

        @Test
        void metadataFailureShowsBothSidesAsJson() {
            kv.put("user:42", "Ada", PutOptions.defaults().withMetadata(Map.of("owner", "ada")));

            AssertionError error =
                    expectAssertionError(() -> assertThat(kv).entry("user:42").hasMetadata("{\"owner\": \"grace\"}"));

            assertThat(error).hasMessage(message("""

                            Expecting actual:
                              KvEntry[key="user:42", value="Ada", metadata={"owner":"ada"}]
                            to have metadata equal to:
                              {"owner":"grace"}
                            but had:
                              {"owner":"ada"}"""));
            assertThat(((AssertionFailedError) error).getExpected().getValue())
                    .isEqualTo(message("{\n  \"owner\" : \"grace\"\n}"));
        }

        @Test
        void metadataFailureWhenThereIsNone() {
            kv.put("user:42", "Ada");

            AssertionError error =
                    expectAssertionError(() -> assertThat(kv).entry("user:42").hasMetadata("{\"owner\": \"ada\"}"));

            assertThat(error).hasMessage(message("""

                            Expecting actual:
                              KvEntry[key="user:42", value="Ada"]
                            to have metadata equal to:
                              {"owner":"ada"}
                            but had:
                              no metadata"""));
        }

        @Test
        void metadataValuePassesAtAJsonPointer() {
            kv.put("user:42", "Ada", PutOptions.defaults().withMetadata(Map.of("owner", Map.of("id", 7))));

            assertThat(kv)
                    .entry("user:42")
                    .hasMetadataValue("/owner/id", 7)
                    .hasMetadataValue("/owner", Map.of("id", 7));
        }

        @Test
        void metadataValueFailureShowsTheValueFound() {
            kv.put("user:42", "Ada", PutOptions.defaults().withMetadata(Map.of("owner", Map.of("id", 7))));

            AssertionError error =
                    expectAssertionError(() -> assertThat(kv).entry("user:42").hasMetadataValue("/owner/id", 8));

            assertThat(error).hasMessage(message("""

                            Expecting actual:
                              KvEntry[key="user:42", value="Ada", metadata={"owner":{"id":7}}]
                            to have in its metadata at "/owner/id":
                              8
                            but had:
                              7"""));
        }

        @Test
        void metadataValueFailureWhenNothingIsAtThePointer() {
            kv.put("user:42", "Ada", PutOptions.defaults().withMetadata(Map.of("owner", "ada")));

            AssertionError error =
                    expectAssertionError(() -> assertThat(kv).entry("user:42").hasMetadataValue("/team", "core"));

            assertThat(error).hasMessage(message("""

                            Expecting actual:
                              KvEntry[key="user:42", value="Ada", metadata={"owner":"ada"}]
                            to have in its metadata at "/team":
                              "core"
                            but had:
                              nothing there in {"owner":"ada"}"""));
        }

        @Test
        void metadataValueRefusesAPathThatIsNotAJsonPointer() {
            kv.put("user:42", "Ada", PutOptions.defaults().withMetadata(Map.of("owner", "ada")));

            assertThatIllegalArgumentException()
                    .isThrownBy(() -> assertThat(kv).entry("user:42").hasMetadataValue("owner", "ada"))
                    .withMessage("A metadata path is a JSON pointer such as \"/owner/id\", but was: owner");
        }

        @Test
        void noMetadataPasses() {
            kv.put("greeting", "hello");

            assertThat(kv).entry("greeting").hasNoMetadata();
        }

        @Test
        void noMetadataFailureShowsTheMetadata() {
            kv.put("user:42", "Ada", PutOptions.defaults().withMetadata(Map.of("owner", "ada")));

            AssertionError error =
                    expectAssertionError(() -> assertThat(kv).entry("user:42").hasNoMetadata());

            assertThat(error).hasMessage(message("""

                            Expecting actual:
                              KvEntry[key="user:42", value="Ada", metadata={"owner":"ada"}]
                            to have no metadata but had:
                              {"owner":"ada"}"""));
        }
    }

    @Nested
    class Expiration {

        @Test
        void expirationPasses() {
            kv.put("session:1", "ada", PutOptions.defaults().withExpiration(ONE_O_CLOCK));

            assertThat(kv).entry("session:1").hasExpiration(ONE_O_CLOCK);
        }

        @Test
        void expirationFailureShowsTheExpiration() {
            kv.put("session:1", "ada", PutOptions.defaults().withExpiration(ONE_O_CLOCK));

            AssertionError error = expectAssertionError(
                    () -> assertThat(kv).entry("session:1").hasExpiration(ONE_O_CLOCK.plusSeconds(60)));

            assertThat(error).hasMessage(message("""

                            Expecting actual:
                              KvEntry[key="session:1", value="ada", expiration=2026-01-01T01:00:00Z]
                            to expire at:
                              2026-01-01T01:01:00Z
                            but it expires at:
                              2026-01-01T01:00:00Z"""));
        }

        @Test
        void expirationFailureWhenItNeverExpires() {
            kv.put("greeting", "hello");

            AssertionError error =
                    expectAssertionError(() -> assertThat(kv).entry("greeting").hasExpiration(ONE_O_CLOCK));

            assertThat(error).hasMessage(message("""

                            Expecting actual:
                              KvEntry[key="greeting", value="hello"]
                            to expire at:
                              2026-01-01T01:00:00Z
                            but it never expires"""));
        }

        @Test
        void expiresWithinPassesCountingFromTheNamespacesClock() {
            kv.put("session:1", "ada", PutOptions.defaults().withExpirationTtl(Duration.ofMinutes(30)));
            clock.advance(Duration.ofMinutes(20));

            assertThat(kv).entry("session:1").expiresWithin(Duration.ofMinutes(10));
        }

        @Test
        void expiresWithinFailureWhenItNeverExpires() {
            kv.put("greeting", "hello");

            AssertionError error =
                    expectAssertionError(() -> assertThat(kv).entry("greeting").expiresWithin(Duration.ofHours(1)));

            assertThat(error).hasMessage(message("""

                            Expecting actual:
                              KvEntry[key="greeting", value="hello"]
                            to expire within PT1H of 2026-01-01T00:00:00Z, by:
                              2026-01-01T01:00:00Z
                            but it never expires"""));
        }

        @Test
        void expiresWithinOnAnEntryAssertedAloneNeedsAClock() {
            kv.put("session:1", "ada", PutOptions.defaults().withExpirationTtl(Duration.ofMinutes(30)));
            KvEntryAssert alone = assertThat(kv.entry("session:1").orElseThrow());

            assertThatIllegalStateException()
                    .isThrownBy(() -> alone.expiresWithin(Duration.ofHours(1)))
                    .withMessage("expiresWithin(duration) counts from the namespace's clock: reach the entry"
                            + " through assertThat(namespace).entry(key), or call usingClock(clock) first");
            alone.usingClock(clock).expiresWithin(Duration.ofHours(1));
        }

        @Test
        void noExpirationPasses() {
            kv.put("greeting", "hello");

            assertThat(kv).entry("greeting").hasNoExpiration();
        }

        @Test
        void noExpirationFailureShowsTheExpiration() {
            kv.put("session:1", "ada", PutOptions.defaults().withExpiration(ONE_O_CLOCK));

            AssertionError error =
                    expectAssertionError(() -> assertThat(kv).entry("session:1").hasNoExpiration());

            assertThat(error).hasMessage(message("""

                            Expecting actual:
                              KvEntry[key="session:1", value="ada", expiration=2026-01-01T01:00:00Z]
                            never to expire but it expires at:
                              2026-01-01T01:00:00Z"""));
        }

        @Test
        void liveAndExpiredAtPassAroundTheExpiration() {
            kv.put("session:1", "ada", PutOptions.defaults().withExpiration(ONE_O_CLOCK));

            assertThat(kv)
                    .entry("session:1")
                    .isLiveAt(ONE_O_CLOCK.minusMillis(1))
                    .isExpiredAt(ONE_O_CLOCK);
        }

        @Test
        void liveAtFailureShowsTheExpiration() {
            kv.put("session:1", "ada", PutOptions.defaults().withExpiration(ONE_O_CLOCK));

            AssertionError error =
                    expectAssertionError(() -> assertThat(kv).entry("session:1").isLiveAt(ONE_O_CLOCK));

            assertThat(error).hasMessage(message("""

                            Expecting actual:
                              KvEntry[key="session:1", value="ada", expiration=2026-01-01T01:00:00Z]
                            to be live at:
                              2026-01-01T01:00:00Z
                            but it expires at:
                              2026-01-01T01:00:00Z"""));
        }

        @Test
        void expiredAtFailureShowsTheLaterExpiration() {
            kv.put("session:1", "ada", PutOptions.defaults().withExpiration(ONE_O_CLOCK));

            AssertionError error = expectAssertionError(
                    () -> assertThat(kv).entry("session:1").isExpiredAt(ONE_O_CLOCK.minusSeconds(1)));

            assertThat(error).hasMessage(message("""

                            Expecting actual:
                              KvEntry[key="session:1", value="ada", expiration=2026-01-01T01:00:00Z]
                            to have expired at:
                              2026-01-01T00:59:59Z
                            but it expires later, at:
                              2026-01-01T01:00:00Z"""));
        }

        @Test
        void expiredAtFailureWhenItNeverExpires() {
            kv.put("greeting", "hello");

            AssertionError error =
                    expectAssertionError(() -> assertThat(kv).entry("greeting").isExpiredAt(ONE_O_CLOCK));

            assertThat(error).hasMessage(message("""

                            Expecting actual:
                              KvEntry[key="greeting", value="hello"]
                            to have expired at:
                              2026-01-01T01:00:00Z
                            but it never expires"""));
        }
    }
}
