package dev.kvkit.junit.contract;

import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.TestClock;

/** The contract on the in-memory fake, seen from its default location. */
class FakeNamespaceContractTest extends KvBindingContract {

    @Override
    protected KvContractTarget target() {
        TestClock clock = TestClock.create();
        return KvContractTarget.of(FakeKvNamespace.builder().clock(clock).build(), clock::instant)
                .withClock(clock::advance);
    }
}
