package dev.kvkit.assertj;

import dev.kvkit.fake.KvEntry;

/**
 * How an assertion moves on to another assert ({@code entry(key)}, {@code at(instant)}). Plain
 * assertions create the next assert directly; soft assertions must hand out a soft proxy instead,
 * or every assertion after the move would throw at once. AssertJ only proxies such moves for its
 * own method names, so kvkit's soft provider installs its own {@link SoftNavigation}.
 */
interface KvNavigation {

    KvNavigation DIRECT = new KvNavigation() {
        @Override
        public KvEntryAssert toEntry(KvEntry entry, AssertionError missing) {
            if (missing != null) {
                throw missing;
            }
            return new KvEntryAssert(entry);
        }

        @Override
        public KvNamespaceAtAssert toNamespaceAt(KvNamespaceAt view) {
            return new KvNamespaceAtAssert(view);
        }
    };

    /**
     * Returns an assert over {@code entry}, or reports {@code missing} when the key had no entry
     * ({@code entry} is then {@code null}).
     */
    KvEntryAssert toEntry(KvEntry entry, AssertionError missing);

    KvNamespaceAtAssert toNamespaceAt(KvNamespaceAt view);
}
