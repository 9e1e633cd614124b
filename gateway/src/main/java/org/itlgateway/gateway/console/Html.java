package org.itlgateway.gateway.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * HTML written as a tree of elements, where every text and every attribute value is escaped as it is written: a
 * value cannot become markup, whatever it holds. Element and attribute names are the code's own, checked to be
 * plain names; links ({@code href}, {@code action}, {@code src}) may only be paths of this site ({@code /...},
 * {@code ?...}, {@code #...}), so a value can never make a {@code javascript:} link either. There is no way to put
 * raw HTML in.
 */
public final class Html {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Set<String> VOID = Set.of("br", "hr", "img", "input", "link", "meta");
    private static final Set<String> LINKS = Set.of("href", "action", "src", "formaction");

    private Html() {
    }

    /** A piece of a page. */
    public interface Node {
        void renderTo(StringBuilder out);
    }

    /** An element named {@code name}, e.g. {@code el("table")}. */
    public static Element el(String name) {
        return new Element(name);
    }

    /** An element with text in it, e.g. {@code el("td", account)}. */
    public static Element el(String name, Object text) {
        return new Element(name).text(text);
    }

    /** Text, escaped; nothing for null. */
    public static Node text(Object value) {
        String text = value == null ? "" : value.toString();
        return out -> escape(text, out);
    }

    /** Several nodes one after another. */
    public static Node nodes(List<? extends Node> nodes) {
        List<Node> copy = List.copyOf(nodes);
        return out -> copy.forEach(node -> node.renderTo(out));
    }

    /** Several nodes one after another. */
    public static Node nodes(Node... nodes) {
        return nodes(Arrays.asList(nodes));
    }

    /** A whole document: the doctype and the {@code html} element. */
    public static String document(Element html) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n");
        html.renderTo(out);
        return out.append('\n').toString();
    }

    /**
     * A path of this site from its segments, each percent-encoded: {@code path("/console", "transactions", id)}.
     * The first is taken as it is and must start with {@code /}.
     */
    public static String path(String base, Object... segments) {
        if (!base.startsWith("/")) {
            throw new IllegalArgumentException("a path starts with /: " + base);
        }
        StringBuilder path = new StringBuilder(base);
        for (Object segment : segments) {
            path.append('/').append(URLEncoder.encode(String.valueOf(segment), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return path.toString();
    }

    /** {@code path} with a query of the values given (those null or blank left out), each encoded. */
    public static String query(String path, Map<String, ?> values) {
        StringBuilder query = new StringBuilder();
        values.forEach((name, value) -> {
            if (value != null && !value.toString().isBlank()) {
                query.append(query.isEmpty() ? '?' : '&').append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                        .append('=').append(URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
            }
        });
        return path + query;
    }

    /** Writes {@code text} escaped for an element's content or an attribute value in double quotes. */
    static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                        out.append("&#xfffd;"); // a control character is no text
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    /** Text escaped for HTML, as a string. */
    public static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        escape(text, out);
        return out.toString();
    }

    /** An element: its attributes and what is in it. */
    public static final class Element implements Node {

        private final String name;
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private final List<Node> children = new ArrayList<>();

        private Element(String name) {
            this.name = checkedName(name);
        }

        /** Sets an attribute; its value is escaped. A link attribute must be a path of this site. */
        public Element attr(String attribute, Object value) {
            String key = checkedName(attribute);
            String text = value == null ? "" : value.toString();
            if (LINKS.contains(key) && !isLocal(text)) {
                throw new IllegalArgumentException(key + " must be a path of this site, not " + text);
            }
            attributes.put(key, text);
            return this;
        }

        /** Sets a boolean attribute ({@code selected}, {@code open} ...) when {@code on}. */
        public Element flag(String attribute, boolean on) {
            if (on) {
                attributes.put(checkedName(attribute), null);
            }
            return this;
        }

        /** The {@code class} attribute. */
        public Element cls(String classes) {
            return attr("class", classes);
        }

        /** Adds nodes inside it, in order (null ones left out). */
        public Element add(Node... nodes) {
            for (Node node : nodes) {
                if (node != null) {
                    children.add(node);
                }
            }
            return this;
        }

        /** Adds nodes inside it, in order. */
        public Element add(List<? extends Node> nodes) {
            nodes.stream().filter(Objects::nonNull).forEach(children::add);
            return this;
        }

        /** Adds text inside it, escaped. */
        public Element text(Object value) {
            children.add(Html.text(value));
            return this;
        }

        @Override
        public void renderTo(StringBuilder out) {
            out.append('<').append(name);
            attributes.forEach((key, value) -> {
                out.append(' ').append(key);
                if (value != null) {
                    out.append("=\"");
                    escape(value, out);
                    out.append('"');
                }
            });
            out.append('>');
            if (VOID.contains(name)) {
                if (!children.isEmpty()) {
                    throw new IllegalStateException(name + " holds nothing");
                }
                return;
            }
            children.forEach(child -> child.renderTo(out));
            out.append("</").append(name).append('>');
        }

        /** This element as HTML. */
        public String render() {
            StringBuilder out = new StringBuilder();
            renderTo(out);
            return out.toString();
        }

        private static String checkedName(String name) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not an element or attribute name: " + name);
            }
            return name;
        }

        private static boolean isLocal(String link) {
            return (link.startsWith("/") && !link.startsWith("//") && !link.startsWith("/\\")) || link.startsWith("?") || link.startsWith("#");
        }
    }
}
