package dev.kvkit.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.PutOptions;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KeyEncodingTest {

    private final StubServer stub = StubServer.start();
    private final CloudflareKvBinding kv = stub.binding();

    @AfterEach
    void stop() {
        stub.close();
    }

    static Stream<Arguments> keys() {
        return Stream.of(
                Arguments.of("spec 1.7 example", "a/b c?d%e#f:g@h!i+j&k=l"),
                Arguments.of("plus alone", "+"),
                Arguments.of("percent alone", "%"),
                Arguments.of("percent that looks encoded", "%2F%20"),
                Arguments.of("NUL", "a\u0000b"),
                Arguments.of("emoji (supplementary)", "\uD83D\uDE00/\uD83C\uDF89"),
                Arguments.of("CJK and accents", "日本語-é"),
                Arguments.of("unreserved only", "Az09-._~"),
                Arguments.of("three dots", "..."),
                Arguments.of("sub-delims and gen-delims", "!$&'()*,;=:@[]"),
                Arguments.of("spaces and controls", " \t\r\n"),
                Arguments.of("backslash and quotes", "\\\"`^{}|<>"),
                Arguments.of("private use and U+FFFF", "\uE000\uFFFF"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void everyKeyArrivesIntactOnEveryKeyRoute(String description, String key) {
        stub.reply(StubServer.Reply.bytes(200, new byte[] {'v'}));
        kv.get(key);
        kv.put(key, "v");
        kv.put(key, "v", PutOptions.defaults().withMetadata(Map.of("a", 1)));
        kv.delete(key);

        assertThat(stub.requests()).hasSize(4).allSatisfy(request -> {
            assertThat(request.decodedKey()).isEqualTo(key);
            assertThat(request.rawPath())
                    .startsWith(StubServer.PREFIX + "/values/")
                    .matches("[A-Za-z0-9\\-._~%/:]*");
            assertThat(request.rawQuery()).isNull();
        });
    }

    @Test
    void specExampleIsEncodedAsEveryByteOutsideTheUnreservedSet() {
        kv.delete("a/b c?d%e#f:g@h!i+j&k=l");

        assertThat(stub.onlyRequest().rawPath())
                .isEqualTo(StubServer.PREFIX + "/values/a%2Fb%20c%3Fd%25e%23f%3Ag%40h%21i%2Bj%26k%3Dl");
    }

    @Test
    void supplementaryCharactersAreSentAsTheirFourUtf8Bytes() {
        kv.delete("\uD83D\uDE00");

        assertThat(stub.onlyRequest().rawPath()).endsWith("/values/%F0%9F%98%80");
    }

    @Test
    void metadataRouteEncodesTheKeyTheSameWay() {
        stub.reply(StubServer.Reply.envelope("null"), StubServer.Reply.bytes(200, new byte[] {1}));

        kv.getWithMetadata("a/b+c", dev.kvkit.KvType.BYTES);

        assertThat(stub.requests().get(0).rawPath()).isEqualTo(StubServer.PREFIX + "/metadata/a%2Fb%2Bc");
        assertThat(stub.requests().get(1).rawPath()).isEqualTo(StubServer.PREFIX + "/values/a%2Fb%2Bc");
    }

    @Test
    void listQueryValuesAreEncodedSoPlusAndSpaceSurvive() {
        stub.reply(StubServer.Reply.list("[]", "{\"count\":0,\"cursor\":\"\"}"));

        kv.list(dev.kvkit.ListOptions.defaults().withPrefix("a+b c&d=e/").withCursor("cur+/=="));

        StubServer.Recorded request = stub.onlyRequest();
        assertThat(request.rawQuery()).isEqualTo("prefix=a%2Bb%20c%26d%3De%2F&cursor=cur%2B%2F%3D%3D");
        assertThat(StubServer.percentDecode("a%2Bb%20c%26d%3De%2F")).isEqualTo("a+b c&d=e/");
    }
}
