package org.itlgateway.core.store.jpa;

import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.unit.CommitmentPeriod;

/** An account as four columns: registry, account type, identifier and commitment period. */
@Embeddable
public class AccountColumns implements Serializable {

    private static final long serialVersionUID = 1L;

    private String accountRegistry;
    private Integer accountType;
    private Long accountIdentifier;
    private Integer accountPeriod;

    protected AccountColumns() {
    }

    private AccountColumns(AccountRef ref) {
        this.accountRegistry = ref.registry().value();
        this.accountType = ref.type().code();
        this.accountIdentifier = ref.identifier();
        this.accountPeriod = ref.period().code();
    }

    /** The columns of {@code ref}, or {@code null} for no account. */
    public static AccountColumns of(AccountRef ref) {
        return ref == null ? null : new AccountColumns(ref);
    }

    /** The account these columns name, or {@code null} when there is none. */
    public static AccountRef toRef(AccountColumns columns) {
        return columns == null ? null : columns.toRef();
    }

    public AccountRef toRef() {
        return new AccountRef(RegistryCode.of(accountRegistry), AccountType.fromCode(accountType), accountIdentifier,
                CommitmentPeriod.fromCode(accountPeriod));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccountColumns that && Objects.equals(accountRegistry, that.accountRegistry)
                && Objects.equals(accountType, that.accountType)
                && Objects.equals(accountIdentifier, that.accountIdentifier)
                && Objects.equals(accountPeriod, that.accountPeriod);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accountRegistry, accountType, accountIdentifier, accountPeriod);
    }
}
