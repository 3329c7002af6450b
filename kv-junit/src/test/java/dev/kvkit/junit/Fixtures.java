package dev.kvkit.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs a fixture class through the Jupiter engine, as a user's build would, and reads what happened. */
final class Fixtures {

    private Fixtures() {}

    /** Runs the class with the given configuration parameters, given as key, value, key, value. */
    static EngineExecutionResults run(Class<?> fixture, String... configuration) {
        EngineTestKit.Builder builder = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(fixture))
                .configurationParameter(OnlyThroughTheTestKit.RUN_FIXTURES, "true");
        for (int i = 0; i < configuration.length; i += 2) {
            builder = builder.configurationParameter(configuration[i], configuration[i + 1]);
        }
        return builder.execute();
    }

    /** The messages of every failed test or container, in the order they failed. */
    static List<String> failureMessages(EngineExecutionResults results) {
        return results.allEvents().failed().stream()
                .map(event -> event.getRequiredPayload(TestExecutionResult.class))
                .map(result -> result.getThrowable().map(Throwable::getMessage).orElse("(no throwable)"))
                .collect(Collectors.toList());
    }

    /** The single failure's message; fails the calling test when there is not exactly one failure. */
    static String onlyFailureMessage(EngineExecutionResults results) {
        List<String> messages = failureMessages(results);
        if (messages.size() != 1) {
            throw new AssertionError("Expected exactly one failure, but got: " + messages);
        }
        return messages.get(0);
    }

    /** Every report entry published, merged by key. */
    static Map<String, String> reportEntries(EngineExecutionResults results) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(Fixtures::entry)
                .flatMap(entry -> entry.getKeyValuePairs().entrySet().stream())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a + "\n" + b));
    }

    private static ReportEntry entry(Event event) {
        return event.getRequiredPayload(ReportEntry.class);
    }
}
