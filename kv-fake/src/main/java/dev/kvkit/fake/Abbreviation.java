package dev.kvkit.fake;

/** Short, readable renderings of values for {@code toString} and failure reports. */
final class Abbreviation {

    static final int MAX_CHARS = 60;

    private Abbreviation() {}

    /** Text values as quoted text, abbreviated; binary values by size. */
    static String of(StoredValue stored) {
        if (!Utf8.isWellFormed(stored.value)) {
            return "<" + stored.value.length + " bytes>";
        }
        String text = stored.text();
        if (text.length() <= MAX_CHARS) {
            return '"' + text + '"';
        }
        return '"' + text.substring(0, MAX_CHARS) + "\"... (" + stored.value.length + " bytes)";
    }
}
