package org.itlgateway.gateway.operator;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.transaction.SupplementaryType;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionType;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitType;

/**
 * What {@code POST /transactions} takes: a proposal in full ({@link ProposalBody}), or, with {@code operation}, one
 * of the CDM registry's operations ({@link CdmOperations}). A field no form knows is refused as the body is read;
 * one that the form asked for does not take is refused by {@link #onlyFields}.
 */
public record TransactionRequest(String operation, SupplementaryType kind, TransactionType type, Long supplementaryType,
                                 AccountRef transferringAccount, AccountRef acquiringAccount,
                                 RegistryCode acquiringRegistry, Long notice, List<BlockRequest> blocks, Long project,
                                 UnitType unitType, CommitmentPeriod period, Long quantity, LocalDate expiryDate,
                                 AccountRef to, AccountRef from, String purpose, String beneficiary,
                                 TransactionId issuance, RegistryCode registry) {

    /** The fields given, by name, in the order of the record. */
    Map<String, Object> given() {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("operation", operation);
        given.put("kind", kind);
        given.put("type", type);
        given.put("supplementaryType", supplementaryType);
        given.put("transferringAccount", transferringAccount);
        given.put("acquiringAccount", acquiringAccount);
        given.put("acquiringRegistry", acquiringRegistry);
        given.put("notice", notice);
        given.put("blocks", blocks);
        given.put("project", project);
        given.put("unitType", unitType);
        given.put("period", period);
        given.put("quantity", quantity);
        given.put("expiryDate", expiryDate);
        given.put("to", to);
        given.put("from", from);
        given.put("purpose", purpose);
        given.put("beneficiary", beneficiary);
        given.put("issuance", issuance);
        given.put("registry", registry);
        given.values().removeIf(Objects::isNull);
        return given;
    }

    /** Refuses any field given that is not in {@code allowed}: a field of another form is answered, never ignored. */
    TransactionRequest onlyFields(Collection<String> allowed) {
        refuseOthers(given().keySet(), allowed);
        return this;
    }

    static void refuseOthers(Collection<String> given, Collection<String> allowed) {
        for (String field : given) {
            if (!allowed.contains(field)) {
                throw ApiProblem.invalid(field, field + " is not a field here; the fields are " + String.join(", ", allowed));
            }
        }
    }

    /** Fails with 400 naming {@code field} when {@code value} is missing. */
    static <T> T required(T value, String field, String what) {
        if (value == null) {
            throw ApiProblem.invalid(field, field + " is required: " + what);
        }
        return value;
    }

    /** A whole number above zero (a quantity, a serial number). */
    static long positive(Long value, String field) {
        long given = required(value, field, "a whole number");
        if (given < 1) {
            throw ApiProblem.invalid(field, field + " must be 1 or more, not " + given);
        }
        return given;
    }
}
