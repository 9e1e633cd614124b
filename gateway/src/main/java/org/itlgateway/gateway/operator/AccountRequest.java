package org.itlgateway.gateway.operator;

import java.util.LinkedHashMap;
import java.util.Map;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.unit.CommitmentPeriod;

/**
 * What {@code POST /accounts} takes. The CDM registry numbers the holding accounts it opens:
 * {@code {"type": 120, "holder": ...}}, or a temporary holding account for a participant whose registry is not
 * connected yet: {@code {"holder": ..., "temporaryFor": "JP-120-20045-0"}}. Another registry opens the account it
 * is told: {@code {"type": 120, "identifier": 20046, "period": 0, "holder": ...}}.
 */
public record AccountRequest(AccountType type, String holder, AccountRef temporaryFor, Long identifier,
                             CommitmentPeriod period) {

    /** The fields given, by name. */
    Map<String, Object> given() {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("type", type);
        given.put("holder", holder);
        given.put("temporaryFor", temporaryFor);
        given.put("identifier", identifier);
        given.put("period", period);
        given.values().removeIf(java.util.Objects::isNull);
        return given;
    }
}
