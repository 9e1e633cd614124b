package org.itlgateway.gateway.operator;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.itlgateway.core.account.Account;
import org.itlgateway.core.holding.HeldBlock;

/**
 * An account as the API writes it; with its holdings, also how many units it holds, how many of them are reserved
 * by transactions under way, and how many of each unit type.
 */
public record AccountView(String ref, CodeView type, String holder, String status, Long units, Long reserved,
                   Map<String, Long> unitsByType) {

    static AccountView of(Account account) {
        return new AccountView(account.ref().toString(), new CodeView(account.type().code(), account.type().label()),
                account.holder(), account.status().name(), null, null, null);
    }

    static AccountView of(Account account, List<HeldBlock> held) {
        long units = 0;
        long reserved = 0;
        Map<String, Long> byType = new TreeMap<>();
        for (HeldBlock piece : held) {
            long quantity = piece.block().quantity();
            units += quantity;
            if (piece.isReserved()) {
                reserved += quantity;
            }
            byType.merge(piece.block().unitType().name(), quantity, Long::sum);
        }
        return new AccountView(account.ref().toString(), new CodeView(account.type().code(), account.type().label()),
                account.holder(), account.status().name(), units, reserved, byType);
    }
}
