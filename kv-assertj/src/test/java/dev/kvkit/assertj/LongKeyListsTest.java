package dev.kvkit.assertj;

import static dev.kvkit.assertj.KvAssertions.assertThat;
import static dev.kvkit.assertj.Messages.expectAssertionError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kvkit.fake.FakeKvNamespace;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** Failures about 250 keys say what differs first and list at most 50 names per list. */
class LongKeyListsTest {

    private static List<String> keys(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> String.format("k%03d", i))
                .toList();
    }

    private static FakeKvNamespace holding(List<String> keys) {
        FakeKvNamespace kv = FakeKvNamespace.builder().name("TODO").build();
        keys.forEach(key -> kv.put(key, "v"));
        return kv;
    }

    @Test
    void containsExactlyKeysPutsWhatDiffersFirstAndCutsTheFullLists() {
        FakeKvNamespace kv = holding(keys(250));
        List<String> expected = new ArrayList<>(keys(250));
        expected.set(120, "k120-renamed");

        AssertionError error =
                expectAssertionError(() -> assertThat(kv).containsExactlyKeys(expected.toArray(String[]::new)));

        String message = error.getMessage();
        assertThat(message)
                .contains("to contain exactly these keys, in list order%n1 key not found:%n  [\"k120-renamed\"]%n"
                                .formatted()
                        + "1 key not expected:%n  [\"k120\"]%nexpected 250 keys:%n".formatted());
        assertThat(message).contains("\"k049\"]%n  ... and 200 more%nbut it holds 250 keys:".formatted());
        assertThat(message).endsWith("\"k049\"]%n  ... and 200 more".formatted());
        assertThat(message).doesNotContain("k050");
        assertThat(((AssertionFailedError) error).getActual().getValue())
                .as("the IDE diff still gets both lists whole")
                .isEqualTo(keys(250));
    }

    @Test
    void hasSizeListsTheFirst50Keys() {
        FakeKvNamespace kv = holding(keys(250));

        AssertionError error = expectAssertionError(() -> assertThat(kv).hasSize(3));

        assertThat(error.getMessage())
                .contains("to hold 3 keys but holds 250:%n  [\"k000\",".formatted())
                .endsWith("\"k049\"]%n  ... and 200 more".formatted())
                .doesNotContain("k050");
    }

    @Test
    void isEmptyListsTheFirst50KeysAndSaysKeyForOne() {
        AssertionError many =
                expectAssertionError(() -> assertThat(holding(keys(51))).isEmpty());
        AssertionError one =
                expectAssertionError(() -> assertThat(holding(keys(1))).isEmpty());

        assertThat(many.getMessage())
                .contains("to be empty but it holds 51 keys:")
                .endsWith("... and 1 more");
        assertThat(one.getMessage()).contains("to be empty but it holds 1 key:%n  [\"k000\"]".formatted());
    }

    @Test
    void fiftyKeysAreListedWhole() {
        AssertionError error =
                expectAssertionError(() -> assertThat(holding(keys(50))).hasSize(1));

        assertThat(error.getMessage()).endsWith("\"k049\"]").doesNotContain("more");
    }
}
