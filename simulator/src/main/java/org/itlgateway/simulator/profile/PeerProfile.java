package org.itlgateway.simulator.profile;

import java.util.List;
import java.util.Objects;
import org.itlgateway.core.registry.RegistryCode;

/**
 * One node of the network, as its profile file describes it: what it is, its accounts, and the dated rules by
 * which it refuses incoming transfers. A tester adds or changes a rule by editing the file, without
 * recompiling; an external registry adds its address and certificate.
 *
 * @param code            the node code (ITL, CITL, or a registry code)
 * @param name            its name, for people
 * @param kind            what it is
 * @param euMember        for registries: its transactions go through the CITL
 * @param accounts        the accounts a simulated registry keeps
 * @param acceptanceRules its own rules as acquiring registry
 * @param address         for an external registry: the URL of its RegistryService
 * @param certificatePem  for an external registry: the file of its signing certificate (PEM), if not from our CA
 */
public record PeerProfile(String code, String name, PeerKind kind, boolean euMember, List<ProfileAccount> accounts,
                          List<DatedRule> acceptanceRules, String address, String certificatePem) {

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
    }

    public boolean isRegistry() {
        return kind == PeerKind.REGISTRY || kind == PeerKind.EXTERNAL_REGISTRY || kind == PeerKind.CDM_REGISTRY;
    }
}
