package org.itlgateway.simulator.profile;

import java.util.List;
import java.util.Objects;
import org.itlgateway.core.registry.RegistryCode;

/**
 * One node of the network, as its profile file describes it: what it is, its accounts, and the dated rules by
 * which it refuses incoming transfers; for the ITL and the CITL, the parameters of their rules and their own dated
 * rules. A tester adds or changes a rule by editing the file, without recompiling; an external registry adds its
 * address and certificate.
 *
 * @param code            the node code (ITL, CITL, or a registry code)
 * @param name            its name, for people
 * @param kind            what it is
 * @param euMember        for registries: its transactions go through the CITL
 * @param accounts        the accounts a simulated registry keeps
 * @param acceptanceRules its own rules as acquiring registry
 * @param parameters      for the ITL and the CITL: the numbers and dates of its rules, where they differ from the defaults
 * @param rules           for the ITL and the CITL: its own dated rules, run with the checks of its catalogue
 * @param address         for an external registry: the URL of its RegistryService
 * @param certificatePem  for an external registry: the file of its signing certificate (PEM), if not from our CA
 */
public record PeerProfile(String code, String name, PeerKind kind, boolean euMember, List<ProfileAccount> accounts,
                          List<DatedRule> acceptanceRules, LogParameters parameters, List<LogRule> rules,
                          String address, String certificatePem) {

    public PeerProfile {
        Objects.requireNonNull(code, "a profile names its node code");
        Objects.requireNonNull(kind, "a profile says what kind of node it is");
        if (kind == PeerKind.REGISTRY || kind == PeerKind.EXTERNAL_REGISTRY || kind == PeerKind.CDM_REGISTRY) {
            RegistryCode.of(code);
        }
        if (kind == PeerKind.EXTERNAL_REGISTRY && (address == null || address.isBlank())) {
            throw new IllegalArgumentException("the external registry " + code + " needs the address of its RegistryService");
        }
        name = name == null ? code : name;
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        acceptanceRules = acceptanceRules == null ? List.of() : List.copyOf(acceptanceRules);
        boolean log = kind == PeerKind.ITL || kind == PeerKind.CITL;
        if (!log && (parameters != null || rules != null)) {
            throw new IllegalArgumentException(code + ": parameters and rules are for the ITL and the CITL; a registry's"
                    + " own rules are its acceptanceRules");
        }
        if (log && !acceptanceRules.isEmpty()) {
            throw new IllegalArgumentException(code + ": acceptanceRules are an acquiring registry's; a log's own rules"
                    + " are its rules");
        }
        parameters = parameters == null ? LogParameters.none() : parameters;
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** The ITL or the CITL. */
    public boolean isLog() {
        return kind == PeerKind.ITL || kind == PeerKind.CITL;
    }

    public boolean isRegistry() {
        return kind == PeerKind.REGISTRY || kind == PeerKind.EXTERNAL_REGISTRY || kind == PeerKind.CDM_REGISTRY;
    }
}
