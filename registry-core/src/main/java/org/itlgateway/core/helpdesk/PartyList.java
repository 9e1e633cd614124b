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
 */
public record PartyList(String name, String source, LocalDate asOf, Map<String, String> parties) {

    private static final Pattern CODE = Pattern.compile("[A-Z]{2}");

    public PartyList {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        parties = Map.copyOf(parties);
    }

    /**
     * Reads a list from its lines: {@code # list:}, {@code # source:} and {@code # as of:} comment lines, then one
     * Party a line, its code and its name.
     */
    public static PartyList parse(List<String> lines) {
        String asOf = HelpDeskData.header(lines, "as of");
        Map<String, String> parties = new TreeMap<>();
        for (String line : HelpDeskData.content(lines)) {
            String[] codeAndName = line.split("\\s+", 2);
            if (!CODE.matcher(codeAndName[0]).matches()) {
                throw new IllegalArgumentException("a Party is its ISO 3166 alpha-2 code then its name, not '" + line + "'");
            }
            parties.put(codeAndName[0], codeAndName.length > 1 ? codeAndName[1] : codeAndName[0]);
        }
        return new PartyList(HelpDeskData.header(lines, "list"), HelpDeskData.header(lines, "source"),
                asOf.isEmpty() ? null : LocalDate.parse(asOf), parties);
    }

    /** The list kept in {@code helpdesk/<file>} on the class path. */
    public static PartyList read(String file) {
        return parse(HelpDeskData.lines(file));
    }

    public boolean contains(String party) {
        return parties.containsKey(party);
    }

    /** The list as a reason cites it: its name, source and date. */
    public String citation() {
        return "the list of " + name + " (" + source + (asOf == null ? "" : ", as of " + asOf) + ")";
    }
}
