package org.itlgateway.core.helpdesk;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A reference list of Parties (the African states, the least developed countries, the small island developing
 * states), as kept in its file: its name, where it comes from and as of when, and the Parties by ISO 3166 alpha-2 code.
 *
 * @param name    what the list is, as a reason names it
 * @param source  where it was taken from
 * @param asOf    the date it is correct on
 * @param parties each Party's code and name
 * @param leaves  the day a Party leaves the list (a least developed country's graduation), for those that do
 */
public record PartyList(String name, String source, LocalDate asOf, Map<String, String> parties,
                        Map<String, LocalDate> leaves) {

    private static final Pattern CODE = Pattern.compile("[A-Z]{2}");
    private static final Pattern UNTIL = Pattern.compile("(.*?)\\s*\\|\\s*until\\s+(\\d{4}-\\d{2}-\\d{2})\\s*");

    public PartyList {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        parties = Map.copyOf(parties);
        leaves = Map.copyOf(leaves);
    }

    /** A list no Party leaves. */
    public PartyList(String name, String source, LocalDate asOf, Map<String, String> parties) {
        this(name, source, asOf, parties, Map.of());
    }

    /**
     * Reads a list from its lines: {@code # list:}, {@code # source:} and {@code # as of:} comment lines, then one
     * Party a line, its code and its name, and for a Party that leaves the list on a known day (a least developed
     * country's graduation), {@code | until YYYY-MM-DD}: from that day on it is no longer on the list.
     */
    public static PartyList parse(List<String> lines) {
        String asOf = HelpDeskData.header(lines, "as of");
        Map<String, String> parties = new TreeMap<>();
        Map<String, LocalDate> leaves = new TreeMap<>();
        for (String line : HelpDeskData.content(lines)) {
            java.util.regex.Matcher until = UNTIL.matcher(line);
            String entry = until.matches() ? until.group(1) : line;
            String[] codeAndName = entry.split("\\s+", 2);
            if (!CODE.matcher(codeAndName[0]).matches() || entry.contains("|")) {
                throw new IllegalArgumentException("a Party is its ISO 3166 alpha-2 code then its name, and"
                        + " '| until YYYY-MM-DD' when it leaves the list, not '" + line + "'");
            }
            parties.put(codeAndName[0], codeAndName.length > 1 ? codeAndName[1] : codeAndName[0]);
            if (until.matches()) {
                leaves.put(codeAndName[0], LocalDate.parse(until.group(2)));
            }
        }
        return new PartyList(HelpDeskData.header(lines, "list"), HelpDeskData.header(lines, "source"),
                asOf.isEmpty() ? null : LocalDate.parse(asOf), parties, leaves);
    }

    /** The list kept in {@code helpdesk/<file>} on the class path. */
    public static PartyList read(String file) {
        return parse(HelpDeskData.lines(file));
    }

    /** Whether the Party is on the list on {@code day} (not yet left it). */
    public boolean contains(String party, LocalDate day) {
        LocalDate left = leaves.get(party);
        return parties.containsKey(party) && (left == null || day.isBefore(left));
    }

    /** The day the Party left (or leaves) the list, if it does. */
    public java.util.Optional<LocalDate> leaving(String party) {
        return java.util.Optional.ofNullable(leaves.get(party));
    }

    /** The list as a reason cites it: its name, source and date. */
    public String citation() {
        return "the list of " + name + " (" + source + (asOf == null ? "" : ", as of " + asOf) + ")";
    }
}
