package org.itlgateway.gateway.operator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.unit.UnitBlockId;

/**
 * How the operator API writes and reads JSON: times as ISO-8601 text, fields without a value left out, output
 * indented for people reading it with curl, a repeated or unknown field in a request refused rather than one of its
 * values silently kept or the field ignored, code-list values and identifiers read as {@link CodeLists} says, and
 * the domain's identifiers (registry codes, accounts, transactions, unit blocks) written as
 * they are written everywhere else: {@code CDM}, {@code CDM-120-10001-0}, {@code CDM17}, {@code CDM:1..500}.
 */
final class OperatorJson {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule("identifiers")
                    .addSerializer(RegistryCode.class, ToStringSerializer.instance)
                    .addSerializer(AccountRef.class, ToStringSerializer.instance)
                    .addSerializer(TransactionId.class, ToStringSerializer.instance)
                    .addSerializer(UnitBlockId.class, ToStringSerializer.instance))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .registerModule(CodeLists.module())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

    private OperatorJson() {
    }
}
