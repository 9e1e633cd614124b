package org.itlgateway.core.helpdesk;

import java.util.Objects;

/**
 * The reference lists the help desk's eligibility is decided on, each read from its file under {@code helpdesk/}:
 * {@code african-states.txt}, {@code least-developed-countries.txt}, {@code small-island-developing-states.txt}.
 */
public record PartyLists(PartyList africanStates, PartyList leastDevelopedCountries,
                         PartyList smallIslandDevelopingStates) {

    public PartyLists {
        Objects.requireNonNull(africanStates, "African states");
        Objects.requireNonNull(leastDevelopedCountries, "least developed countries");
        Objects.requireNonNull(smallIslandDevelopingStates, "small island developing states");
    }

    /** The lists kept with the registry. */
    public static PartyLists standard() {
        return new PartyLists(PartyList.read("african-states.txt"), PartyList.read("least-developed-countries.txt"),
                PartyList.read("small-island-developing-states.txt"));
    }
}
