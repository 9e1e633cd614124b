package org.itlgateway.gateway.operator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.itlgateway.core.CodedValue;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.transaction.SupplementaryType;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.transaction.TransactionType;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.LulucfActivity;
import org.itlgateway.core.unit.Track;
import org.itlgateway.core.unit.UnitType;

/**
 * Values of the DES code lists as an operator may write them: the DES number ({@code 5}, {@code "120"}) or the
 * name ({@code "CER"}, {@code "tCER"}, {@code "ENTITY_HOLDING"}, {@code "completed"}), case aside. A commitment
 * period may also be written {@code "CP2"}. Anything else is answered 400 with the values allowed.
 */
final class CodeLists {

    private CodeLists() {
    }

    static UnitType unitType(JsonBody body, String field) {
        return required(body, field, UnitType.class, UnitType::label);
    }

    static Optional<UnitType> optionalUnitType(JsonBody body, String field) {
        return optional(body, field, UnitType.class, UnitType::label);
    }

    static CommitmentPeriod period(JsonBody body, String field) {
        return required(body, field, CommitmentPeriod.class, period -> "CP" + period.code());
    }

    static Optional<CommitmentPeriod> optionalPeriod(JsonBody body, String field) {
        return optional(body, field, CommitmentPeriod.class, period -> "CP" + period.code());
    }

    static AccountType accountType(JsonBody body, String field) {
        return required(body, field, AccountType.class, AccountType::name);
    }

    static TransactionType transactionType(JsonBody body, String field) {
        return required(body, field, TransactionType.class, TransactionType::label);
    }

    static Optional<LulucfActivity> optionalLulucfActivity(JsonBody body, String field) {
        return optional(body, field, LulucfActivity.class, LulucfActivity::name);
    }

    static Optional<Track> optionalTrack(JsonBody body, String field) {
        return optional(body, field, Track.class, Track::name);
    }

    /** A supplementary type by its name, e.g. {@code VOLUNTARY_CANCELLATION}. */
    static Optional<SupplementaryType> optionalKind(JsonBody body, String field) {
        return body.optionalText(field).map(text -> Arrays.stream(SupplementaryType.values())
                .filter(kind -> kind.name().equalsIgnoreCase(text.strip()))
                .findFirst()
                .orElseThrow(() -> ApiProblem.badRequest(body.name(field) + " must be one of "
                        + Arrays.stream(SupplementaryType.values()).map(Enum::name).collect(Collectors.joining(", "))
                        + ", not " + text)));
    }

    /** A transaction status from a query parameter: its number or its name ({@code 4}, {@code completed}). */
    static TransactionStatus status(String text) {
        return find(TransactionStatus.class, text, TransactionStatus::label).orElseThrow(() -> ApiProblem.badRequest(
                "status must be one of " + allowed(TransactionStatus.class) + ", not " + text));
    }

    private static <E extends Enum<E> & CodedValue> E required(JsonBody body, String field, Class<E> type,
                                                               java.util.function.Function<E, String> alias) {
        return optional(body, field, type, alias).orElseThrow(() -> ApiProblem.badRequest(body.name(field)
                + " is required: one of " + allowed(type)));
    }

    private static <E extends Enum<E> & CodedValue> Optional<E> optional(JsonBody body, String field, Class<E> type,
                                                                         java.util.function.Function<E, String> alias) {
        if (!body.has(field)) {
            return Optional.empty();
        }
        JsonNode value = body.raw(field);
        if (!value.isTextual() && !value.isIntegralNumber()) {
            throw ApiProblem.badRequest(body.name(field) + " must be a number or a name, not " + value);
        }
        return Optional.of(find(type, value.asText(), alias).orElseThrow(() -> ApiProblem.badRequest(
                body.name(field) + " must be one of " + allowed(type) + ", not " + value)));
    }

    private static <E extends Enum<E> & CodedValue> Optional<E> find(Class<E> type, String text,
                                                                     java.util.function.Function<E, String> alias) {
        String wanted = text.strip();
        for (E value : type.getEnumConstants()) {
            if (Integer.toString(value.code()).equals(wanted) || value.name().equalsIgnoreCase(wanted)
                    || alias.apply(value).equalsIgnoreCase(wanted)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    private static <E extends Enum<E> & CodedValue> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(value -> value.code() + " " + value.name())
                .collect(Collectors.joining(", "));
    }
}
