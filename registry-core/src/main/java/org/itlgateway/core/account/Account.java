package org.itlgateway.core.account;

import java.util.Objects;

/** An account of a registry, with its holder's name and its status. */
public record Account(AccountRef ref, String holder, AccountStatus status) {

    public Account {
        Objects.requireNonNull(ref, "account");
        Objects.requireNonNull(status, "status");
        holder = holder == null ? "" : holder;
    }

    public static Account open(AccountRef ref, String holder) {
        return new Account(ref, holder, AccountStatus.OPEN);
    }

    public AccountType type() {
        return ref.type();
    }

    public boolean isOpen() {
        return status.isOpen();
    }
}
