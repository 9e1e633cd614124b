package org.itlgateway.core.store.jpa;

import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.unit.UnitBlockId;

/** A block of a proposal that leaves its own transferring account. */
@Embeddable
public class BlockAccountColumns {

    @Embedded
    private BlockIdColumns block;

    @Embedded
    private AccountColumns account;

    protected BlockAccountColumns() {
    }

    private BlockAccountColumns(UnitBlockId block, AccountRef account) {
        this.block = BlockIdColumns.of(block);
        this.account = AccountColumns.of(account);
    }

    public static BlockAccountColumns of(UnitBlockId block, AccountRef account) {
        return new BlockAccountColumns(block, account);
    }

    public UnitBlockId blockId() {
        return block.toId();
    }

    public AccountRef account() {
        return account.toRef();
    }
}
