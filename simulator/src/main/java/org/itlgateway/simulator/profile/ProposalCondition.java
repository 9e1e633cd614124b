package org.itlgateway.simulator.profile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.itlgateway.core.CodedValue;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.check.eu.EuMembership;
import org.itlgateway.core.project.Project;
import org.itlgateway.core.project.ProjectCategory;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitType;

/**
 * Which unit blocks of a proposal a log's rule is about, said with the facts a log knows: the blocks' own
 * attributes (as {@link BlockCondition} says them), the project behind the units (from the log's project reference
 * table), the accounts the units leave and enter, and whether they enter an EU registry. Every field given must
 * match; a field left out matches anything. A condition about the project never matches units without a project, nor
 * units of a project the reference table does not know.
 *
 * @param unitTypes                unit types by name (AAU, RMU, ERU_FROM_AAU, ERU_FROM_RMU, CER, TCER, LCER)
 * @param originalPeriods          original commitment periods (0, 1, 2)
 * @param applicablePeriods        applicable commitment periods (0, 1, 2)
 * @param originatingRegistries    registries the units originate in (e.g. CDM)
 * @param projectCategories        kinds of project (e.g. HFC23_DESTRUCTION, N2O_ADIPIC_ACID, NUCLEAR, HYDRO)
 * @param hostParties              Parties hosting the project (e.g. CN)
 * @param leastDevelopedHost       true: the project's host is a least-developed country; false: it is not
 * @param hydroOverMegawatts       the project is hydro power of more than this many megawatts
 * @param complianceFlag           true: the project carries the EU's compliance flag; false: it does not
 * @param acquiringAccountTypes    DES types of the acquiring account (100, 120 ...)
 * @param transferringAccountTypes DES types of the account each block leaves (none for an issuance)
 * @param entersEu                 true: the acquiring registry is an EU registry; false: it is not
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ProposalCondition(List<UnitType> unitTypes, List<Integer> originalPeriods, List<Integer> applicablePeriods,
                                List<String> originatingRegistries, List<ProjectCategory> projectCategories,
                                List<String> hostParties, Boolean leastDevelopedHost, BigDecimal hydroOverMegawatts,
                                Boolean complianceFlag, List<Integer> acquiringAccountTypes,
                                List<Integer> transferringAccountTypes, Boolean entersEu) {

    public ProposalCondition {
        projectCategories = projectCategories == null ? List.of() : List.copyOf(projectCategories);
        hostParties = hostParties == null ? List.of() : List.copyOf(hostParties);
        acquiringAccountTypes = acquiringAccountTypes == null ? List.of() : List.copyOf(acquiringAccountTypes);
        transferringAccountTypes = transferringAccountTypes == null ? List.of() : List.copyOf(transferringAccountTypes);
        for (String party : hostParties) {
            RegistryCode.of(party);
        }
        requireAccountTypes("acquiringAccountTypes", acquiringAccountTypes);
        requireAccountTypes("transferringAccountTypes", transferringAccountTypes);
        if (hydroOverMegawatts != null && hydroOverMegawatts.signum() < 0) {
            throw new IllegalArgumentException("hydroOverMegawatts is a capacity, not " + hydroOverMegawatts);
        }
        // the unit attributes are BlockCondition's: it checks them and keeps their lists
        BlockCondition units = new BlockCondition(unitTypes, originalPeriods, applicablePeriods, originatingRegistries);
        unitTypes = units.unitTypes();
        originalPeriods = units.originalPeriods();
        applicablePeriods = units.applicablePeriods();
        originatingRegistries = units.originatingRegistries();
    }

    /** Every block of every proposal. */
    public static ProposalCondition any() {
        return new ProposalCondition(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** True when {@code block}, in the proposal the context checks, is one this condition is about. */
    public boolean matches(UnitBlock block, CheckContext context) {
        Proposal proposal = context.proposal();
        return units().matches(block)
                && (entersEu == null || entersEu == EuMembership.entersEu(context))
                && accountTypeIn(acquiringAccountTypes, proposal.acquiringAccount())
                && accountTypeIn(transferringAccountTypes, proposal.transferringAccountOf(block))
                && projectMatches(block, context);
    }

    private BlockCondition units() {
        return new BlockCondition(unitTypes, originalPeriods, applicablePeriods, originatingRegistries);
    }

    private boolean asksAboutTheProject() {
        return !projectCategories.isEmpty() || !hostParties.isEmpty() || leastDevelopedHost != null
                || hydroOverMegawatts != null || complianceFlag != null;
    }

    private boolean projectMatches(UnitBlock block, CheckContext context) {
        if (!asksAboutTheProject()) {
            return true;
        }
        Long id = block.attributes().projectId();
        Optional<Project> project = id == null ? Optional.empty() : context.projects().find(id);
        return project.filter(this::projectMatches).isPresent();
    }

    private boolean projectMatches(Project project) {
        return (projectCategories.isEmpty() || projectCategories.contains(project.category()))
                && (hostParties.isEmpty() || hostParties.contains(project.hostParty().value()))
                && (leastDevelopedHost == null || leastDevelopedHost == project.leastDevelopedCountry())
                && (hydroOverMegawatts == null || project.category() == ProjectCategory.HYDRO
                    && project.capacityMegawatts() != null && project.capacityMegawatts().compareTo(hydroOverMegawatts) > 0)
                && (complianceFlag == null || complianceFlag == project.complianceFlag());
    }

    private static void requireAccountTypes(String field, List<Integer> types) {
        for (Integer type : types) {
            if (type == null || CodedValue.fromCodeOrNull(AccountType.class, type) == null) {
                throw new IllegalArgumentException(field + ": " + type + " is not a DES account type (100, 120, 300 ...)");
            }
        }
    }

    private static boolean accountTypeIn(List<Integer> types, AccountRef account) {
        return types.isEmpty() || account != null && types.contains(account.type().code());
    }
}
