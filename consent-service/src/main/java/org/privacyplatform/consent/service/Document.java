package org.privacyplatform.consent.service;

import java.util.ArrayList;
import java.util.List;

/**
 * A generated document (the notice, the Art. 30 record) as headings, paragraphs, lists and tables, written out as
 * accessible HTML or as Markdown from the same blocks, so both always say the same. Every text is escaped: the
 * catalogue's words never become markup.
 */
public final class Document {

    sealed interface Block permits Heading, Paragraph, Bullets, Table {
    }

    record Heading(int level, String text) implements Block {
    }

    record Paragraph(String text) implements Block {
    }

    record Bullets(List<String> items) implements Block {
    }

    /** A table whose first column heads each row. */
    record Table(String caption, List<String> headers, List<List<String>> rows) implements Block {
    }

    private final String lang;
    private final String title;
    private final List<Block> blocks = new ArrayList<>();

    public Document(String lang, String title) {
        this.lang = lang;
        this.title = title;
    }

    public Document heading(int level, String text) {
        blocks.add(new Heading(level, text));
        return this;
    }

    public Document paragraph(String text) {
        blocks.add(new Paragraph(text));
        return this;
    }

    public Document bullets(List<String> items) {
        if (!items.isEmpty()) {
            blocks.add(new Bullets(List.copyOf(items)));
        }
        return this;
    }

    public Document table(String caption, List<String> headers, List<List<String>> rows) {
        blocks.add(new Table(caption, List.copyOf(headers), rows.stream().map(List::copyOf).toList()));
        return this;
    }

    public String markdown() {
        StringBuilder out = new StringBuilder();
        for (Block block : blocks) {
            if (block instanceof Heading h) {
                out.append("#".repeat(h.level())).append(' ').append(md(h.text())).append("\n\n");
            } else if (block instanceof Paragraph p) {
                out.append(md(p.text())).append("\n\n");
            } else if (block instanceof Bullets b) {
                b.items().forEach(item -> out.append("- ").append(md(item)).append('\n'));
                out.append('\n');
            } else if (block instanceof Table t) {
                out.append(md(t.caption())).append("\n\n");
                out.append('|').append(String.join("|", t.headers().stream().map(Document::md).toList())).append("|\n");
                out.append('|').append("---|".repeat(t.headers().size())).append('\n');
                t.rows().forEach(row -> out.append('|').append(String.join("|", row.stream().map(Document::md).toList()))
                        .append("|\n"));
                out.append('\n');
            }
        }
        return out.toString();
    }

    public String html() {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(html(lang)).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(html(title)).append("</title>\n</head>\n<body>\n<main>\n");
        for (Block block : blocks) {
            if (block instanceof Heading h) {
                out.append("<h").append(h.level()).append('>').append(html(h.text())).append("</h").append(h.level())
                        .append(">\n");
            } else if (block instanceof Paragraph p) {
                out.append("<p>").append(html(p.text())).append("</p>\n");
            } else if (block instanceof Bullets b) {
                out.append("<ul>\n");
                b.items().forEach(item -> out.append("<li>").append(html(item)).append("</li>\n"));
                out.append("</ul>\n");
            } else if (block instanceof Table t) {
                out.append("<table>\n<caption>").append(html(t.caption())).append("</caption>\n<thead>\n<tr>");
                t.headers().forEach(h -> out.append("<th scope=\"col\">").append(html(h)).append("</th>"));
                out.append("</tr>\n</thead>\n<tbody>\n");
                for (List<String> row : t.rows()) {
                    out.append("<tr>");
                    for (int i = 0; i < row.size(); i++) {
                        out.append(i == 0 ? "<th scope=\"row\">" : "<td>").append(html(row.get(i)))
                                .append(i == 0 ? "</th>" : "</td>");
                    }
                    out.append("</tr>\n");
                }
                out.append("</tbody>\n</table>\n");
            }
        }
        return out.append("</main>\n</body>\n</html>\n").toString();
    }

    /** HTML text and attribute escaping. */
    static String html(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : oneLine(text).toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Markdown: every character that could start markup is backslash-escaped, and the text stays on one line. */
    static String md(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : oneLine(text).toCharArray()) {
            if ("\\`*_{}[]<>#+!|~".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        // nor can its start make a list item or an underline
        if (out.length() > 0 && (out.charAt(0) == '-' || out.charAt(0) == '=')) {
            out.insert(0, '\\');
        }
        java.util.regex.Matcher ordered = java.util.regex.Pattern.compile("^[0-9]{1,9}[.)]").matcher(out);
        if (ordered.find()) {
            out.insert(ordered.end() - 1, '\\');
        }
        return out.toString();
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\r\\n\\t]+", " ").strip();
    }
}
