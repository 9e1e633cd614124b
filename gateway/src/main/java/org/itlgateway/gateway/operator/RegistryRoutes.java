package org.itlgateway.gateway.operator;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
        return registry.read(() -> registry.records().accounts().of(registry.code()));
    }

    /** Opens an account ({@link AccountRequest}). */
    @POST
    @Path("accounts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Answers(status = 201, body = AccountView.class, summary = "opens an account")
    public Response open(AccountRequest body) {
        if (body == null) {
            throw ApiProblem.badRequest("the request needs a JSON object as its body");
        }
        Optional<CdmRegistry> cdm = registry.cdm();
        AccountRef ref;
        String holder = body.holder() == null || body.holder().isBlank() ? null : body.holder();
        if (cdm.isPresent()) {
            TransactionRequest.refuseOthers(body.given().keySet(), List.of("type", "holder", "temporaryFor"));
            TransactionRequest.required(holder, "holder", "the account holder's name");
            Optional<AccountRef> destination = Optional.ofNullable(body.temporaryFor());
            if (destination.isPresent()) {
                if (body.type() != null) {
                    throw ApiProblem.invalid("type", "a temporary holding account is an entity holding account; leave out type");
                }
                ref = registry.read(() -> cdm.get().openTemporaryHoldingAccount(holder, destination.get()));
            } else {
                AccountType type = TransactionRequest.required(body.type(), "type", "an account type such as 120");
                if (!CdmAccounts.HOLDING_TYPES.contains(type)) {
                    throw ApiProblem.invalid("type", "the CDM registry opens holding accounts (100, 120, 121) here, not "
                            + type.code() + " " + type.label());
                }
                ref = registry.read(() -> cdm.get().openHoldingAccount(type, holder));
            }
        } else {
            TransactionRequest.refuseOthers(body.given().keySet(), List.of("type", "identifier", "period", "holder"));
            TransactionRequest.required(holder, "holder", "the account holder's name");
            AccountType type = TransactionRequest.required(body.type(), "type", "an account type such as 120");
            CommitmentPeriod period = body.period() != null ? body.period() : CommitmentPeriod.ZERO;
            AccountRef wanted = new AccountRef(registry.code(), type,
                    TransactionRequest.positive(body.identifier(), "identifier"), period);
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
