package dev.kvkit.assertj;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kvkit.KvBinding;
import dev.kvkit.KvListPage;
import dev.kvkit.ListOptions;
import dev.kvkit.fake.FakeKvLocation;
import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.KvEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Assertions on any {@link KvBinding}, such as a binding over the REST API. They see what the
 * binding's reads show: keys through {@code list} (every page), values through {@code get}.
 * Expiration, metadata and time travel need the fake's view: use {@link
 * KvAssertions#assertThat(dev.kvkit.fake.FakeKvNamespace)} for a fake.
 *
 * <p>Only a binding that is not one of kvkit's fakes is read for real, through its own {@code get}
 * and {@code list}: such reads may have effects of the binding's own (requests, caches). A kvkit fake
 * handed over as a plain {@code KvBinding} (a {@link FakeKvNamespace} or a {@link FakeKvLocation}) is
 * read through its side-effect-free view instead ({@link FakeKvLocation#entry(String)}, {@link
 * FakeKvLocation#listing(ListOptions)}), so an assertion never fills a location's edge or list cache
 * and never changes what the code under test reads next.
 *
 * <pre>{@code
 * KvBinding kv = application.binding();
 * assertThat(kv).containsKey("user:42").hasText("user:42", "Ada");
 * }</pre>
 *
 * @since 0.1.0
 */
public class KvBindingAssert extends AbstractKvNamespaceAssert<KvBindingAssert, KvBinding> {

    private ObjectMapper objectMapper = JsonSupport.DEFAULT_MAPPER;

    /**
     * Creates an assert; prefer {@link KvAssertions#assertThat(KvBinding)}.
     *
     * @param actual the binding
     */
    public KvBindingAssert(KvBinding actual) {
        super(actual, KvBindingAssert.class);
    }

    /**
     * Parses JSON values with this mapper instead of a plain {@code ObjectMapper}.
     *
     * <pre>{@code
     * assertThat(kv).usingObjectMapper(mapper).hasJson("user:42", "{\"born\": \"1815-12-10\"}");
     * }</pre>
     *
     * @param objectMapper the mapper
     * @return this assert
     */
    public KvBindingAssert usingObjectMapper(ObjectMapper objectMapper) {
        this.objectMapper = Objects.requireNonNull(objectMapper, "objectMapper");
        return myself;
    }

    @Override
    protected ObjectMapper objectMapper() {
        return objectMapper;
    }

    @Override
    protected List<String> keyNames() {
        FakeKvLocation fake = fakeView();
        Function<ListOptions, KvListPage> list = fake == null ? actual::list : fake::listing;
        List<String> names = new ArrayList<>();
        KvListPage page = list.apply(ListOptions.defaults());
        names.addAll(page.names());
        while (!page.listComplete()) {
            page = list.apply(ListOptions.defaults().withCursor(page.cursor()));
            names.addAll(page.names());
        }
        return names;
    }

    @Override
    protected Optional<String> textOf(String key) {
        FakeKvLocation fake = fakeView();
        return fake == null
                ? Optional.ofNullable(actual.get(key))
                : fake.entry(key).map(KvEntry::valueAsText);
    }

    /** The side-effect-free view of a kvkit fake, or null for any other binding. */
    private FakeKvLocation fakeView() {
        if (actual instanceof FakeKvLocation) {
            return (FakeKvLocation) actual;
        }
        if (actual instanceof FakeKvNamespace) {
            return ((FakeKvNamespace) actual).defaultLocation();
        }
        return null;
    }
}
