package org.itlgateway.core.check.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckCatalogue;
import org.itlgateway.core.check.RuleParameters;
import org.itlgateway.core.check.intake.ProposalIntake;
import org.itlgateway.core.check.sequence.CompletionDeadline;
import org.itlgateway.core.check.sequence.NotificationRules;
import org.itlgateway.core.result.ResponseCode;
import org.junit.jupiter.api.Test;

class CataloguesTest {

    /** Codes of 1xxx to 5xxx that no proposal check decides, each with the rule that does. */
    private static final Map<ResponseCode, String> DECIDED_ELSEWHERE = Map.of(
            // a SerialRange cannot start after its end, so only the raw form can say so
            ResponseCode.BLOCK_START_AFTER_END, "ProposalIntake",
            // about notifications, not proposals
            ResponseCode.TRANSACTION_UNKNOWN, "NotificationRules",
            ResponseCode.TRANSACTION_ALREADY_FINAL, "NotificationRules",
            ResponseCode.STATUS_CHANGE_NOT_ALLOWED, "NotificationRules",
            ResponseCode.NOTIFICATION_OUT_OF_SEQUENCE, "NotificationRules",
            ResponseCode.NOTIFICATION_FROM_WRONG_REGISTRY, "NotificationRules",
            // about who may ask the log for a transaction's status
            ResponseCode.TRANSACTION_NOT_OF_SENDER, "StatusQueryRule",
            // about open transactions as the log's clock moves on
            ResponseCode.TRANSACTION_OVERDUE, "CompletionDeadline");

    /** 53xx: the acquiring registries' own acceptance rules, played by the simulator's peer profiles. */
    private static boolean isPeerRule(ResponseCode code) {
        return code.code() / 100 == 53;
    }

    private static Set<ResponseCode> codesOf(CheckCatalogue catalogue) {
        return catalogue.checks().stream().map(Check::code).collect(Collectors.toCollection(() -> EnumSet.noneOf(ResponseCode.class)));
    }

    @Test
    void itlCatalogueHasACheckForEveryRuleCodeOf1xxxTo5xxx() {
        Set<ResponseCode> expected = EnumSet.noneOf(ResponseCode.class);
        for (ResponseCode code : ResponseCode.values()) {
            if (code.layer() == ResponseCode.Layer.RULE && code.code() < 6000 && !isPeerRule(code)
                    && !DECIDED_ELSEWHERE.containsKey(code)) {
                expected.add(code);
            }
        }
        assertEquals(expected, codesOf(Catalogues.itl()));
    }

    @Test
    void citlCatalogueHasACheckForEvery7xxxCodeButThoseOfTheCitlsProfileRules() {
        Set<ResponseCode> expected = EnumSet.noneOf(ResponseCode.class);
        for (ResponseCode code : ResponseCode.values()) {
            if (code.category() == ResponseCode.Category.EU_SUPPLEMENTARY && !Catalogues.CITL_PROFILE_RULES.contains(code)) {
                expected.add(code);
            }
        }
        assertEquals(expected, codesOf(Catalogues.citl()));
    }

    @Test
    void theCitlsProfileRulesAre7001To7004AndNoCheckOfACatalogueAnswersWithTheirCodes() {
        assertEquals(EnumSet.of(ResponseCode.TEMPORARY_CERS_NOT_ACCEPTED_IN_EU, ResponseCode.NUCLEAR_PROJECT_CREDITS,
                ResponseCode.INDUSTRIAL_GAS_CREDITS_AFTER_APRIL_2013, ResponseCode.LARGE_HYDRO_WITHOUT_COMPLIANCE),
                EnumSet.copyOf(Catalogues.CITL_PROFILE_RULES));
        for (CheckCatalogue catalogue : List.of(Catalogues.itl(), Catalogues.citl())) {
            assertTrue(codesOf(catalogue).stream().noneMatch(Catalogues.CITL_PROFILE_RULES::contains));
        }
    }

    @Test
    void codesDecidedElsewhereAreDecidedThere() {
        DECIDED_ELSEWHERE.forEach((code, where) -> {
            boolean decided = switch (where) {
                case "ProposalIntake" -> ProposalIntake.CODES.contains(code);
                case "NotificationRules" -> NotificationRules.CODES.contains(code);
                case "StatusQueryRule" -> org.itlgateway.core.check.sequence.StatusQueryRule.CODES.contains(code);
                case "CompletionDeadline" -> CompletionDeadline.of(RuleParameters.defaults()).code() == code;
                default -> false;
            };
            assertTrue(decided, code + " is not decided by " + where);
        });
    }

    @Test
    void eachCatalogueIsInCodeOrderWithOneCheckPerCode() {
        for (CheckCatalogue catalogue : List.of(Catalogues.itl(), Catalogues.citl())) {
            List<Integer> codes = catalogue.checks().stream().map(check -> check.code().code()).toList();
            assertEquals(codes.stream().sorted().distinct().toList(), codes);
        }
    }

    @Test
    void everyCheckLivesInThePackageOfItsCategory() {
        Map<ResponseCode.Category, String> packages = Map.of(
                ResponseCode.Category.VERSION_AND_AUTHENTICATION, "registry",
                ResponseCode.Category.DATA_INTEGRITY, "integrity",
                ResponseCode.Category.GENERAL_TRANSACTION, "general",
                ResponseCode.Category.MESSAGE_SEQUENCE, "sequence",
                ResponseCode.Category.TRANSACTION_SPECIFIC, "specific",
                ResponseCode.Category.EU_SUPPLEMENTARY, "eu");
        for (CheckCatalogue catalogue : List.of(Catalogues.itl(), Catalogues.citl())) {
            for (Check check : catalogue.checks()) {
                assertEquals("org.itlgateway.core.check." + packages.get(check.code().category()),
                        check.getClass().getPackageName(), check.name());
            }
        }
    }
}
