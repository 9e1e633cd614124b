package org.itlgateway.gateway.operator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.LulucfActivity;
import org.itlgateway.core.unit.Track;
import org.itlgateway.core.unit.UnitType;

/**
 * A unit block given in a request, in the fields the API writes blocks in ({@link BlockView}):
 * {@code originatingRegistry} (default: this registry), {@code start}, {@code end}, {@code unitType},
 * {@code suppUnitType} (default 0), {@code originalPeriod}, {@code applicablePeriod} (default: the original),
 * {@code lulucfActivity}, {@code project}, {@code track} and {@code expiryDate}. {@code quantity} and
 * {@code reservedBy} may be left in, as read from the holdings; they are not used. The originating registry is
 * kept as written: a proposal's intake judges it with its response code.
 */
public record BlockRequest(String originatingRegistry, Long start, Long end, JsonNode quantity, UnitType unitType,
                           Long suppUnitType, CommitmentPeriod originalPeriod, CommitmentPeriod applicablePeriod,
                           LulucfActivity lulucfActivity, Long project, Track track, LocalDate expiryDate,
                           JsonNode reservedBy) {

    /**
     * This block, with the fields it cannot do without; {@code at} names it in a refusal ({@code blocks[1]}).
     * Checked once the body is read, so that a misspelt field is named as such rather than as a missing one.
     */
    BlockRequest checked(String at) {
        TransactionRequest.required(start, at + ".start", "a whole number");
        TransactionRequest.required(end, at + ".end", "a whole number");
        TransactionRequest.required(unitType, at + ".unitType", "a unit type such as CER (or its number)");
        TransactionRequest.required(originalPeriod, at + ".originalPeriod", "a commitment period such as 2 or CP2");
        return this;
    }
}
