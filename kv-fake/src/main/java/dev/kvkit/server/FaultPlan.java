package dev.kvkit.server;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * The faults in force, with what is left of each: its budget and its random sequence. Thread-safe:
 * whether a fault fires and the spending of its budget happen under one lock, so N means N even
 * with concurrent requests.
 */
final class FaultPlan {

    private static final class Active {
        final Fault fault;
        final Random random;
        long left;

        Active(Fault fault) {
            this.fault = fault;
            this.random = new Random(fault.seed);
            this.left = fault.budget();
        }
    }

    private final List<Active> active = new ArrayList<>();

    synchronized void add(Fault fault) {
        active.add(new Active(fault));
    }

    synchronized void clear() {
        active.clear();
    }

    synchronized List<Fault> faults() {
        return active.stream().map(a -> a.fault).toList();
    }

    /** Returns the fault that fires for this request, spending one of its budget, or null. */
    synchronized Fault fire(Route route) {
        for (Iterator<Active> it = active.iterator(); it.hasNext(); ) {
            Active candidate = it.next();
            if (!candidate.fault.matches(route)) {
                continue;
            }
            if (candidate.fault.probability < 1 && candidate.random.nextDouble() >= candidate.fault.probability) {
                continue;
            }
            if (--candidate.left <= 0) {
                it.remove();
            }
            return candidate.fault;
        }
        return null;
    }
}
