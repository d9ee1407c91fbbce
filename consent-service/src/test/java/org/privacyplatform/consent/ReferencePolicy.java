package org.privacyplatform.consent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The reference customer's privacy policy ({@code ../shared/reference/privacy-policy.txt} beside the repository), read
 * as a person would: the purposes under each legal basis (section 1), the recipients (4), the retention periods (5),
 * the rights (9.1) and the DPO's postal address (9.2). A copy is kept in the test resources for builds without the
 * shared folder; where the shared file exists, the copy must be identical.
 */
final class ReferencePolicy {

    final String text;

    private ReferencePolicy(String text) {
        this.text = text;
    }

    static ReferencePolicy read() {
        String copy;
        try (InputStream in = ReferencePolicy.class.getClassLoader().getResourceAsStream("reference/privacy-policy.txt")) {
            copy = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
                Path shared = dir.resolve("shared/reference/privacy-policy.txt");
                if (Files.isRegularFile(shared)) {
                    String original = Files.readString(shared);
                    if (!original.equals(copy)) {
                        throw new AssertionError("the test copy of the reference policy differs from " + shared);
                    }
                    return new ReferencePolicy(original);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new ReferencePolicy(copy);
    }

    /** Each purpose of section 1 with the legal basis it is listed under. */
    Map<String, String> purposes() {
        Map<String, String> purposes = new LinkedHashMap<>();
        String basis = null;
        for (String line : section("1 – Legal framework", "2 – Processed data")) {
            if (line.startsWith("  • ")) {
                String l = line.toLowerCase();
                basis = l.contains("performance of the contract") ? "CONTRACT" : l.contains("your consent") ? "CONSENT"
                        : l.contains("legal and regulatory obligations") ? "LEGAL_OBLIGATION"
                                : l.contains("legitimate interests") ? "LEGITIMATE_INTEREST" : null;
            } else if (line.startsWith("    • ")) {
                purposes.put(line.substring(6).strip(), basis);
            }
        }
        return purposes;
    }

    /** The recipient categories of section 4. */
    List<String> recipients() {
        return bullets(section("4 – Data recipients", "5 – Data retention period"));
    }

    /** The rights of section 9.1, each as its name (the words before any parenthesis). */
    List<String> rights() {
        return bullets(section("9.1- The content of your rights", "9.2")).stream()
                .map(r -> r.contains(" (") ? r.substring(0, r.indexOf(" (")) : r).toList();
    }

    /** Every retention period section 5 states, as "5 years", "12 months", and the one that is no period. */
    Set<String> retentionPeriods() {
        String retention = String.join("\n", section("5 – Data retention period", "6 – Data Security"));
        Set<String> periods = new LinkedHashSet<>();
        Matcher m = java.util.regex.Pattern.compile("\\((\\d+)\\) (year|month)s?|(\\d+) (month|year)s").matcher(retention);
        while (m.find()) {
            int n = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(3));
            String unit = m.group(2) != null ? m.group(2) : m.group(4);
            periods.add(n + " " + unit + (n == 1 ? "" : "s"));
        }
        if (retention.contains("until the subscriber unsubscribes")) {
            periods.add("until the subscriber unsubscribes");
        }
        return periods;
    }

    /** The DPO's postal address as section 9.2 writes it, line by line. */
    List<String> dpoAddress() {
        List<String> lines = section("9.2", "9.3");
        int at = 0;
        while (!lines.get(at).contains("following address")) {
            at++;
        }
        List<String> address = new ArrayList<>();
        for (int i = at + 1; i < lines.size() && address.size() < 3; i++) {
            if (!lines.get(i).isBlank()) {
                address.add(lines.get(i).strip());
            }
        }
        return address;
    }

    private List<String> section(String from, String to) {
        List<String> lines = List.of(text.split("\n"));
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (start < 0 && lines.get(i).startsWith(from)) {
                start = i + 1;
            } else if (start >= 0 && lines.get(i).startsWith(to)) {
                return lines.subList(start, i);
            }
        }
        throw new AssertionError("the policy has no section from '" + from + "' to '" + to + "'");
    }

    private static List<String> bullets(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith("  • ")).map(l -> l.substring(4).strip().replaceAll("[;.]$", "").strip())
                .toList();
    }
}
