package dev.niche.community.core;

import java.text.Normalizer;
import org.jspecify.annotations.Nullable;

/**
 * The rules for text people write: NFC normalisation, lengths in code points, and no control
 * characters but, in multiline text, line feed and tab.
 */
final class PlainTextRules {
    private PlainTextRules() {}

    /** The NFC form of {@code text}: what the engine checks and stores. */
    static String normalize(String text) {
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** {@link #normalize} for optional text. */
    static @Nullable String normalizeOrNull(@Nullable String text) {
        return text == null ? null : normalize(text);
    }

    /**
     * What is wrong with {@code text}, as the end of a sentence that starts with the field and value,
     * or {@code null} if nothing is.
     */
    static @Nullable String problem(String text, int min, int max, boolean multiline) {
        String normalized = normalize(text);
        int length = normalized.codePointCount(0, normalized.length());
        if (length < min || length > max) {
            return min == 0
                    ? "must be at most " + max + " characters long, not " + length
                    : "must be " + min + " to " + max + " characters long, not " + length;
        }
        for (int i = 0; i < normalized.length(); ) {
            int cp = normalized.codePointAt(i);
            boolean allowedWhitespace = multiline && (cp == '\n' || cp == '\t');
            if (!allowedWhitespace && isControl(cp)) {
                return multiline
                        ? "may not contain control characters other than line feed and tab (found U+" + hex(cp) + ")"
                        : "must be a single line without control characters (found U+" + hex(cp) + ")";
            }
            i += Character.charCount(cp);
        }
        return null;
    }

    private static boolean isControl(int cp) {
        int type = Character.getType(cp);
        // Line and paragraph separators break lines as surely as a line feed does.
        // Format characters stay allowed: right-to-left text needs its direction marks.
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE;
    }

    private static String hex(int cp) {
        return String.format("%04X", cp);
    }
}
