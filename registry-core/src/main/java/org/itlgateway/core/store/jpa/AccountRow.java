package org.itlgateway.core.store.jpa;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.itlgateway.core.account.Account;
import org.itlgateway.core.account.AccountStatus;

/** A row of {@code accounts}, keyed by registry, account type, identifier and period. */
@Entity
@Table(name = "accounts")
public class AccountRow {

    @EmbeddedId
    @AttributeOverride(name = "accountRegistry", column = @Column(name = "registry"))
    @AttributeOverride(name = "accountType", column = @Column(name = "account_type"))
    @AttributeOverride(name = "accountIdentifier", column = @Column(name = "identifier"))
    @AttributeOverride(name = "accountPeriod", column = @Column(name = "period"))
    private AccountColumns key;

    @Column(columnDefinition = "text")
    private String holder;
    private String status;

    protected AccountRow() {
    }

    public static AccountRow of(Account account) {
        AccountRow row = new AccountRow();
        row.key = AccountColumns.of(account.ref());
        row.holder = account.holder();
        row.status = account.status().name();
        return row;
    }

    public Account toAccount() {
        return new Account(key.toRef(), holder, AccountStatus.valueOf(status));
    }
}
