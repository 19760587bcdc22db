package org.avpipeline.report;

/**
 * Escaping for text and attribute values in the report (which is also well-formed XML), and the two small pieces the
 * sections share: a stat box and a number cell.
 */
final class Html {
    private Html() {}

    /** The text with {@code & < > " '} escaped; {@code null} becomes the empty string. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> c < 0x20 && c != '\n' && c != '\t' && c != '\r' ? "\uFFFD" : null;
            };
            if (r != null) {
                if (b == null) {
                    b = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                b.append(r);
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    /** The text cut to {@code max} characters with an ellipsis (before escaping). */
    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, Math.max(0, max - 1)) + "\u2026";
    }

    /** A stat box: its key over its value. */
    static void stat(StringBuilder h, String key, String value) {
        h.append("<div class=\"stat\"><div class=\"k\">").append(esc(key)).append("</div><div class=\"v\">")
                .append(esc(value)).append("</div></div>");
    }

    /** A number's table cell; a zero is greyed. */
    static String num(long n) {
        return n == 0 ? "<td class=\"n zero\">0</td>" : "<td class=\"n\">" + Format.count(n) + "</td>";
    }
}
