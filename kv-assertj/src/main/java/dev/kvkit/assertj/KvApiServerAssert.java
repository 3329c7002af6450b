package dev.kvkit.assertj;

import static dev.kvkit.assertj.error.ShouldHaveReceived.shouldHaveReceived;
import static dev.kvkit.assertj.error.ShouldHaveServerWarnings.shouldHaveNoWarnings;
import static dev.kvkit.assertj.error.ShouldHaveServerWarnings.shouldHaveWarningContaining;
import static dev.kvkit.assertj.error.ShouldServeNamespace.shouldServeNamespace;

import dev.kvkit.server.ApiOperation;
import dev.kvkit.server.JournalEntry;
import dev.kvkit.server.KvApiServer;
import dev.kvkit.server.ServedNamespace;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;

/**
 * Assertions on a {@link KvApiServer}: what clients sent (its journal), the client bugs it warned
 * about, and the namespaces it serves, which are kvkit fakes and take every namespace assertion.
 *
 * <pre>{@code
 * assertThat(server).hasNoWarnings().hasReceived(ApiOperation.PUT_VALUE, 3);
 * assertThat(server).namespace("TODO").containsKey("to-do:1");
 * }</pre>
 *
 * @since 0.1.0
 */
public class KvApiServerAssert extends AbstractAssert<KvApiServerAssert, KvApiServer> {

    /**
     * Creates an assert; prefer {@link KvAssertions#assertThat(KvApiServer)}.
     *
     * @param actual the server
     */
    public KvApiServerAssert(KvApiServer actual) {
        super(actual, KvApiServerAssert.class);
    }

    /**
     * Verifies that no request so far drew a warning: no key that looks encoded twice, no dropped
     * {@code metadata[x]} part, no key list abandoned after its first page.
     *
     * <pre>{@code
     * assertThat(server).hasNoWarnings();
     * }</pre>
     *
     * @return this assert
     */
    public KvApiServerAssert hasNoWarnings() {
        isNotNull();
        List<String> warnings = warnings();
        if (!warnings.isEmpty()) {
            throwAssertionError(shouldHaveNoWarnings(actual, warnings));
        }
        return myself;
    }

    /**
     * Verifies that some request drew a warning containing {@code text}.
     *
     * <pre>{@code
     * assertThat(server).hasWarningContaining("metadata[a]");
     * }</pre>
     *
     * @param text a part of the warning
     * @return this assert
     */
    public KvApiServerAssert hasWarningContaining(String text) {
        Objects.requireNonNull(text, "text");
        isNotNull();
        List<String> warnings = warnings();
        if (warnings.stream().noneMatch(warning -> warning.contains(text))) {
            throwAssertionError(shouldHaveWarningContaining(actual, text, warnings));
        }
        return myself;
    }

    /**
     * Verifies that the server answered exactly {@code times} requests of an operation.
     *
     * <pre>{@code
     * assertThat(server).hasReceived(ApiOperation.LIST_KEYS, 3); // one per page
     * }</pre>
     *
     * @param operation the operation
     * @param times how many requests of it
     * @return this assert
     */
    public KvApiServerAssert hasReceived(ApiOperation operation, int times) {
        Objects.requireNonNull(operation, "operation");
        isNotNull();
        long received = actual.journal().stream()
                .filter(entry -> entry.operation() == operation)
                .count();
        if (received != times) {
            throwAssertionError(shouldHaveReceived(actual, operation, times, received));
        }
        return myself;
    }

    /**
     * Returns an assert over the server's journal, oldest request first.
     *
     * <pre>{@code
     * assertThat(server).journal().extracting(JournalEntry::key).contains("a/b c");
     * }</pre>
     *
     * @return AssertJ's list assert over the journal entries
     */
    public ListAssert<JournalEntry> journal() {
        isNotNull();
        return Assertions.assertThat(actual.journal());
    }

    /**
     * Verifies that the server serves a namespace of that title in its default account, and returns an
     * assert over it.
     *
     * <pre>{@code
     * assertThat(server).namespace("TODO").entry("to-do:1").hasText("Buy milk");
     * }</pre>
     *
     * @param title the namespace's title
     * @return an assert over the namespace
     */
    public FakeKvNamespaceAssert namespace(String title) {
        Objects.requireNonNull(title, "title");
        isNotNull();
        ServedNamespace served =
                actual.namespaceByTitle(actual.accountId(), title).orElse(null);
        if (served == null) {
            throwAssertionError(shouldServeNamespace(
                    actual,
                    title,
                    actual.namespaces(actual.accountId()).stream()
                            .map(ServedNamespace::title)
                            .toList()));
        }
        return new FakeKvNamespaceAssert(served.kv()).describedAs(info.description());
    }

    private List<String> warnings() {
        return actual.journal().stream()
                .flatMap(entry -> entry.warnings().stream()
                        .map(warning -> entry.method() + " " + entry.rawPath() + ": " + warning))
                .toList();
    }
}
