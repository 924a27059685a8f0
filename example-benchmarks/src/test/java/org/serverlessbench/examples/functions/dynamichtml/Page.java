package org.serverlessbench.examples.functions.dynamichtml;

/**
 * The page that {@link DynamicHtml} renders, with HTML escaping of every inserted value. Plain Java 8 language level,
 * like the rest of the action, so that the jar also runs on OpenWhisk's {@code java:8} runtime when compiled for it.
 */
final class Page {

    private Page() {}

    static String render(String username, String time, int[] numbers) {
        String name = escape(username);
        StringBuilder html = new StringBuilder(256 + numbers.length * 20);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Random numbers for ").append(name).append("</title>\n</head>\n<body>\n")
                .append("<h1>Welcome, ").append(name).append("!</h1>\n")
                .append("<p>Rendered at ").append(escape(time)).append(" with ").append(numbers.length)
                .append(" random numbers.</p>\n<ul>\n");
        for (int number : numbers) {
            html.append("<li>").append(number).append("</li>\n");
        }
        return html.append("</ul>\n</body>\n</html>\n").toString();
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '&') {
                escaped.append("&amp;");
            } else if (c == '<') {
                escaped.append("&lt;");
            } else if (c == '>') {
                escaped.append("&gt;");
            } else if (c == '"') {
                escaped.append("&quot;");
            } else if (c == '\'') {
                escaped.append("&#39;");
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
