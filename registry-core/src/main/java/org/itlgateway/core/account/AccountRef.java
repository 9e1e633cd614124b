package org.itlgateway.core.account;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.unit.CommitmentPeriod;

/**
 * An account as the DES names it: registry, account type, identifier and commitment period, written
 * {@code CDM-100-1100-0}.
 */
public record AccountRef(RegistryCode registry, AccountType type, long identifier, CommitmentPeriod period) {

    private static final Pattern FORM = Pattern.compile("([A-Z]{2}|CDM)-(\\d{3})-(\\d{1,12})-(\\d)");

    public AccountRef {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(type, "account type");
        Objects.requireNonNull(period, "commitment period");
        if (identifier < 1) {
            throw new IllegalArgumentException("an account identifier is positive, not " + identifier);
        }
    }

    public static AccountRef of(RegistryCode registry, AccountType type, long identifier) {
        return new AccountRef(registry, type, identifier, CommitmentPeriod.ZERO);
    }

    /** Parses {@code CDM-100-1100-0}. */
    public static AccountRef parse(String text) {
        Matcher m = text == null ? null : FORM.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("an account is written REGISTRY-TYPE-IDENTIFIER-PERIOD, not " + text);
        }
        return new AccountRef(new RegistryCode(m.group(1)), AccountType.fromCode(Integer.parseInt(m.group(2))),
                Long.parseLong(m.group(3)), CommitmentPeriod.fromCode(Integer.parseInt(m.group(4))));
    }

    @Override
    public String toString() {
        return registry + "-" + type.code() + "-" + identifier + "-" + period.code();
    }
}
