package org.itlgateway.schemas.adapters;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;
import java.time.LocalDate;

/** Maps {@code xs:date} (without a time zone, as the DES uses it for expiry dates) to {@link LocalDate}. */
public final class LocalDateXmlAdapter extends XmlAdapter<String, LocalDate> {

    @Override
    public LocalDate unmarshal(String lexical) {
        if (lexical == null) {
            return null;
        }
        String value = lexical.trim();
        // xs:date may carry a zone suffix (Z or +hh:mm); a calendar date does not need it.
        if (value.length() > 10) {
            value = value.substring(0, 10);
        }
        return LocalDate.parse(value);
    }

    @Override
    public String marshal(LocalDate value) {
        return value == null ? null : value.toString();
    }
}
