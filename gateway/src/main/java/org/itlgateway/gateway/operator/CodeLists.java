package org.itlgateway.gateway.operator;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.itlgateway.core.CodedValue;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.transaction.SupplementaryType;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.core.transaction.TransactionType;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.LulucfActivity;
import org.itlgateway.core.unit.Track;
import org.itlgateway.core.unit.UnitType;
import org.itlgateway.gateway.http.InvalidField;

/**
 * How request bodies name the domain's values. Values of the DES code lists as an operator may write them: the
 * DES number ({@code 5}, {@code "120"}) or the name ({@code "CER"}, {@code "tCER"}, {@code "ENTITY_HOLDING"},
 * {@code "completed"}), case aside; a commitment period may also be written {@code "CP2"}, a supplementary type
 * ({@code kind}) by its name only. Identifiers as they are written everywhere else: {@code CDM},
 * {@code CDM-120-10001-0}, {@code CDM17}. Anything else is answered 400 naming the field and the values allowed.
 */
final class CodeLists {

    private CodeLists() {
    }

    /** The readers of these values, for the operator API's mapper. */
    static SimpleModule module() {
        SimpleModule module = new SimpleModule("code-lists");
        coded(module, UnitType.class, UnitType::label);
        coded(module, CommitmentPeriod.class, period -> "CP" + period.code());
        coded(module, AccountType.class, AccountType::name);
        coded(module, TransactionType.class, TransactionType::label);
        coded(module, LulucfActivity.class, LulucfActivity::name);
        coded(module, Track.class, Track::name);
        module.addDeserializer(SupplementaryType.class, text(text -> Arrays.stream(SupplementaryType.values())
                .filter(kind -> kind.name().equalsIgnoreCase(text.strip())).findFirst()
                .orElseThrow(() -> new InvalidField("must be one of " + Arrays.stream(SupplementaryType.values())
                        .map(Enum::name).collect(Collectors.joining(", ")) + ", not " + text))));
        module.addDeserializer(AccountRef.class, text(text -> domain(text, AccountRef::parse,
                "must be an account such as CDM-120-10001-0")));
        module.addDeserializer(RegistryCode.class, text(text -> domain(text, RegistryCode::of,
                "must be a registry code such as JP or CDM")));
        module.addDeserializer(TransactionId.class, text(text -> domain(text, TransactionId::parse,
                "must be a transaction such as CDM17")));
        return module;
    }

    /** A transaction status from a query parameter: its number or its name ({@code 4}, {@code completed}). */
    static TransactionStatus status(String text) {
        return find(TransactionStatus.class, text, TransactionStatus::label).orElseThrow(() -> ApiProblem.badRequest(
                "status must be one of " + allowed(TransactionStatus.class) + ", not " + text));
    }

    private static <E extends Enum<E> & CodedValue> void coded(SimpleModule module, Class<E> type,
                                                               Function<E, String> alias) {
        module.addDeserializer(type, new JsonDeserializer<>() {
            @Override
            public E deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                JsonToken token = parser.currentToken();
                if (token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NUMBER_INT) {
                    context.readTree(parser); // past the value, whatever it is
                    throw new InvalidField("must be a number or a name, one of " + allowed(type));
                }
                String text = parser.getText();
                return find(type, text, alias).orElseThrow(() -> new InvalidField("must be one of " + allowed(type)
                        + ", not " + text));
            }
        });
    }

    /** A reader of a value written as text. */
    private static <T> JsonDeserializer<T> text(Function<String, T> parse) {
        return new JsonDeserializer<>() {
            @Override
            public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                if (parser.currentToken() != JsonToken.VALUE_STRING) {
                    context.readTree(parser);
                    throw new InvalidField("must be text");
                }
                return parse.apply(parser.getText());
            }
        };
    }

    /** Reads text with a parser of the domain, its complaint (in our words) after what the value must be. */
    private static <T> T domain(String text, Function<String, T> parser, String what) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidField(what + ": " + e.getMessage());
        }
    }

    private static <E extends Enum<E> & CodedValue> Optional<E> find(Class<E> type, String text,
                                                                     Function<E, String> alias) {
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
