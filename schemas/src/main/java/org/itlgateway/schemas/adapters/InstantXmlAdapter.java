package org.itlgateway.schemas.adapters;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Maps {@code xs:dateTime} to {@link Instant}. Values without an offset are read as UTC; values are always
 * written in UTC with a {@code Z}, which is what the transaction log and every registry compare.
 */
public final class InstantXmlAdapter extends XmlAdapter<String, Instant> {

    @Override
    public Instant unmarshal(String lexical) {
        if (lexical == null) {
            return null;
        }
        String value = lexical.trim();
        if (hasOffset(value)) {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        }
        return java.time.LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
    }

    @Override
    public String marshal(Instant value) {
        return value == null ? null : DateTimeFormatter.ISO_INSTANT.format(value);
    }

    private static boolean hasOffset(String value) {
        if (value.endsWith("Z")) {
            return true;
        }
        int timeStart = value.indexOf('T');
        return timeStart > 0 && (value.indexOf('+', timeStart) > 0 || value.indexOf('-', timeStart) > 0);
    }
}
