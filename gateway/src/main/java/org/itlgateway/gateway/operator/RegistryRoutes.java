package org.itlgateway.gateway.operator;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.itlgateway.core.account.Account;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.cdm.CdmAccounts;
import org.itlgateway.core.cdm.CdmRegistry;
import org.itlgateway.core.unit.CommitmentPeriod;

/**
 * The registry and its accounts: {@code GET /registry} (the accounts with their holdings totals),
 * {@code GET /accounts}, {@code POST /accounts} (open one) and {@code GET /accounts/{ref}/holdings} (the unit
 * blocks an account holds, with the transaction that reserved each, if any).
 */
final class RegistryRoutes {

    private final OperatedRegistry registry;

    RegistryRoutes(OperatedRegistry registry) {
        this.registry = registry;
    }

    void addTo(Routes routes) {
        routes.get("/registry", request -> overview())
                .get("/accounts", request -> accounts())
                .post("/accounts", this::open)
                .get("/accounts/{ref}/holdings", request -> holdings(request.pathValue(0)));
    }

    /** The registry, its time, and each account with what it holds. */
    record RegistryView(String code, boolean cdm, Instant time, long units, List<AccountView> accounts) {
    }

    /** An account and the unit blocks it holds. */
    record HoldingsView(AccountView account, List<BlockView> blocks) {
    }

    private ApiReply overview() {
        return ApiReply.ok(registry.read(() -> {
            List<AccountView> accounts = accountList().stream()
                    .map(account -> AccountView.of(account, registry.records().ledger().heldBy(account.ref())))
                    .toList();
            long units = accounts.stream().mapToLong(AccountView::units).sum();
            return new RegistryView(registry.code().value(), registry.cdm().isPresent(), registry.clock().instant(), units,
                    accounts);
        }));
    }

    private ApiReply accounts() {
        return ApiReply.ok(new AccountsView(registry.read(() -> accountList()).stream().map(AccountView::of).toList()));
    }

    /** The accounts of the registry. */
    record AccountsView(List<AccountView> accounts) {
    }

    private List<Account> accountList() {
        return registry.read(() -> registry.records().accounts().of(registry.code()));
    }

    /**
     * Opens an account. The CDM registry numbers the holding accounts it opens: {@code {"type": 120, "holder": ...}},
     * or a temporary holding account for a participant whose registry is not connected yet:
     * {@code {"holder": ..., "temporaryFor": "JP-120-20045-0"}}. Another registry opens the account it is told:
     * {@code {"type": 120, "identifier": 20046, "period": 0, "holder": ...}}.
     */
    private ApiReply open(ApiRequest request) {
        JsonBody body = request.body();
        Optional<CdmRegistry> cdm = registry.cdm();
        AccountRef ref;
        if (cdm.isPresent()) {
            body.onlyFields(List.of("type", "holder", "temporaryFor"));
            String holder = body.text("holder");
            Optional<AccountRef> destination = body.optionalAccount("temporaryFor");
            if (destination.isPresent()) {
                if (body.has("type")) {
                    throw ApiProblem.badRequest("a temporary holding account is an entity holding account; leave out type");
                }
                ref = registry.read(() -> cdm.get().openTemporaryHoldingAccount(holder, destination.get()));
            } else {
                AccountType type = CodeLists.accountType(body, "type");
                if (!CdmAccounts.HOLDING_TYPES.contains(type)) {
                    throw ApiProblem.badRequest("the CDM registry opens holding accounts (100, 120, 121) here, not "
                            + type.code() + " " + type.label());
                }
                ref = registry.read(() -> cdm.get().openHoldingAccount(type, holder));
            }
        } else {
            body.onlyFields(List.of("type", "identifier", "period", "holder"));
            AccountType type = CodeLists.accountType(body, "type");
            CommitmentPeriod period = CodeLists.optionalPeriod(body, "period").orElse(CommitmentPeriod.ZERO);
            AccountRef wanted = new AccountRef(registry.code(), type, body.positive("identifier"), period);
            String holder = body.text("holder");
            ref = registry.read(() -> {
                if (registry.records().accounts().find(wanted).isPresent()) {
                    throw ApiProblem.conflict(wanted + " is open already");
                }
                registry.records().accounts().save(Account.open(wanted, holder));
                return wanted;
            });
        }
        Account opened = registry.read(() -> registry.records().accounts().find(ref)).orElseThrow();
        return ApiReply.created(AccountView.of(opened), "/accounts/" + ref + "/holdings");
    }

    private ApiReply holdings(String text) {
        AccountRef ref;
        try {
            ref = AccountRef.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(e.getMessage());
        }
        return ApiReply.ok(registry.read(() -> {
            Account account = registry.records().accounts().find(ref)
                    .filter(found -> found.ref().registry().equals(registry.code()))
                    .orElseThrow(() -> ApiProblem.notFound(ref + " is not an account of " + registry.code()));
            var held = registry.records().ledger().heldBy(ref);
            return new HoldingsView(AccountView.of(account, held), held.stream().map(BlockView::of).toList());
        }));
    }
}
