package org.itlgateway.gateway.operator;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.itlgateway.gateway.http.Answers;
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
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public final class RegistryRoutes {

    private final OperatedRegistry registry;

    RegistryRoutes(OperatedRegistry registry) {
        this.registry = registry;
    }


    /** The registry, its time, and each account with what it holds. */
    public record RegistryView(String code, boolean cdm, Instant time, long units, List<AccountView> accounts) {
    }

    /** An account and the unit blocks it holds. */
    public record HoldingsView(AccountView account, List<BlockView> blocks) {
    }

    @GET
    @Path("registry")
    public RegistryView overview() {
        return registry.read(() -> {
            List<AccountView> accounts = accountList().stream()
                    .map(account -> AccountView.of(account, registry.records().ledger().heldBy(account.ref())))
                    .toList();
            long units = accounts.stream().mapToLong(AccountView::units).sum();
            return new RegistryView(registry.code().value(), registry.cdm().isPresent(), registry.clock().instant(), units,
                    accounts);
        });
    }

    @GET
    @Path("accounts")
    public AccountsView accounts() {
        return new AccountsView(registry.read(() -> accountList()).stream().map(AccountView::of).toList());
    }

    /** The accounts of the registry. */
    public record AccountsView(List<AccountView> accounts) {
    }

    private List<Account> accountList() {
        return registry.sql(connection -> RegistryAccounts.of(connection, registry.code()));
    }

    /**
     * Opens an account. The CDM registry numbers the holding accounts it opens: {@code {"type": 120, "holder": ...}},
     * or a temporary holding account for a participant whose registry is not connected yet:
     * {@code {"holder": ..., "temporaryFor": "JP-120-20045-0"}}. Another registry opens the account it is told:
     * {@code {"type": 120, "identifier": 20046, "period": 0, "holder": ...}}.
     */
    @POST
    @Path("accounts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Answers(status = 201, body = AccountView.class, summary = "opens an account")
    public Response open(JsonNode request) {
        JsonBody body = JsonBody.of(request);
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
        return Response.created(URI.create("/accounts/" + ref + "/holdings")).entity(AccountView.of(opened)).build();
    }

    @GET
    @Path("accounts/{ref}/holdings")
    public HoldingsView holdings(@PathParam("ref") String text) {
        AccountRef ref;
        try {
            ref = AccountRef.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(e.getMessage());
        }
        return registry.read(() -> {
            Account account = registry.records().accounts().find(ref)
                    .filter(found -> found.ref().registry().equals(registry.code()))
                    .orElseThrow(() -> ApiProblem.notFound(ref + " is not an account of " + registry.code()));
            var held = registry.records().ledger().heldBy(ref);
            return new HoldingsView(AccountView.of(account, held), held.stream().map(BlockView::of).toList());
        });
    }
}
