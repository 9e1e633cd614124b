package org.itlgateway.core.check.catalogue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.intake.ProposalIntake;
import org.itlgateway.core.check.sequence.CompletionDeadline;
import org.itlgateway.core.check.sequence.NotificationRules;
import org.itlgateway.core.result.ResponseCode;

/**
 * Writes the table of response codes, {@code docs/response-codes.md}: one table per category with every code's
 * name, layer, meaning and the place that decides it. The file is generated from {@link ResponseCode} and the
 * catalogues, never edited by hand.
 */
public final class ResponseCodeTable {

    /** Where the table lives, relative to the repository root. */
    public static final String DEFAULT_PATH = "docs/response-codes.md";

    /** The command that regenerates the table, run from the repository root. */
    public static final String REGENERATE = "mvn -B -ntp -pl registry-core -am compile && "
            + "java -cp registry-core/target/classes " + ResponseCodeTable.class.getName() + " " + DEFAULT_PATH;

    static final String GATEWAY = "gateway inbound pipeline";
    static final String SIMULATOR = "simulator peer rules";
    static final String RECONCILIATION = "reconciliation";
    static final String EVIDENCE_CHECKPOINTS = "the ITL's keeping of evidence checkpoints (docs/evidence.md)";
    static final String CITL_PROFILE = "the CITL's profile rules (`" + Catalogues.CITL_PROFILE + "`)";

    private ResponseCodeTable() {
    }

    /**
     * Writes the table to the path given, or else to {@value #DEFAULT_PATH} under the repository root: the nearest
     * directory, from the working directory up, that holds a {@code pom.xml} and the {@code registry-core} module.
     */
    public static void main(String[] args) throws IOException {
        Path target = args.length > 0 ? Path.of(args[0]) : repositoryRoot().resolve(DEFAULT_PATH);
        Path folder = target.toAbsolutePath().getParent();
        if (folder != null) {
            Files.createDirectories(folder);
        }
        Files.writeString(target, render(), StandardCharsets.UTF_8);
        System.out.println("Wrote " + target);
    }

    private static Path repositoryRoot() {
        Path working = Path.of("").toAbsolutePath();
        for (Path directory = working; directory != null; directory = directory.getParent()) {
            if (Files.exists(directory.resolve("pom.xml")) && Files.isDirectory(directory.resolve("registry-core"))) {
                return directory;
            }
        }
        return working;
    }

    /** The whole file, as markdown. */
    public static String render() {
        Map<ResponseCode, List<String>> deciders = deciders();
        StringBuilder out = new StringBuilder();
        out.append("# Response codes\n\n");
        out.append("_Generated from `").append(ResponseCode.class.getName()).append("` by `ResponseCodeTable`; do not edit. ")
                .append("Regenerate from the repository root with `").append(REGENERATE).append("`._\n\n");
        out.append("Every check answers with a stable four-digit code; the first digit gives its category. ")
                .append("Layer `MESSAGE` codes are refused by the gateway before any business rule runs; ")
                .append("layer `RULE` codes are decided by a business rule. In the last column, a class name is the rule ")
                .append("that decides the code: the checks of the ITL catalogue (1xxx to 5xxx) and of the CITL catalogue (7xxx), ")
                .append("`ProposalIntake` for proposals that cannot be read, `NotificationRules` for notifications and ")
                .append("`CompletionDeadline` for overdue transactions. 53xx codes are acquiring registries' own rules, ")
                .append("played by the simulator's peer profiles; 7001 to 7004 are dated rules of the CITL's ")
                .append("profile (`").append(Catalogues.CITL_PROFILE).append("`), which a tester changes without recompiling.\n");
        for (ResponseCode.Category category : ResponseCode.Category.values()) {
            List<ResponseCode> codes = new ArrayList<>();
            for (ResponseCode code : ResponseCode.values()) {
                if (code.category() == category) {
                    codes.add(code);
                }
            }
            if (codes.isEmpty()) {
                continue;
            }
            out.append("\n## ").append(category.ordinal() + 1).append("xxx ").append(category.label()).append("\n\n");
            out.append("| Code | Name | Layer | Meaning | Decided by |\n");
            out.append("|---|---|---|---|---|\n");
            for (ResponseCode code : codes) {
                out.append("| ").append(code.code())
                        .append(" | `").append(code.name()).append('`')
                        .append(" | ").append(code.layer())
                        .append(" | ").append(cell(code.meaning()))
                        .append(" | ").append(cell(decidedBy(code, deciders)))
                        .append(" |\n");
            }
        }
        return out.toString();
    }

    /** Where a code is decided: the rules that answer with it, or the module that does. */
    static String decidedBy(ResponseCode code, Map<ResponseCode, List<String>> deciders) {
        if (code.layer() == ResponseCode.Layer.MESSAGE) {
            return GATEWAY;
        }
        if (Catalogues.CITL_PROFILE_RULES.contains(code)) {
            return CITL_PROFILE;
        }
        List<String> names = deciders.getOrDefault(code, List.of());
        if (!names.isEmpty()) {
            return String.join(", ", names.stream().map(name -> "`" + name + "`").toList());
        }
        if (code.code() / 100 == 53) {
            return SIMULATOR;
        }
        if (code.code() / 10 == 602) {
            return EVIDENCE_CHECKPOINTS;
        }
        if (code.category() == ResponseCode.Category.RECONCILIATION) {
            return RECONCILIATION;
        }
        return "not decided yet";
    }

    /** The rules that answer with each code: catalogue checks first, then intake, notification and deadline rules. */
    static Map<ResponseCode, List<String>> deciders() {
        Map<ResponseCode, List<String>> deciders = new EnumMap<>(ResponseCode.class);
        List<Check> checks = new ArrayList<>(Catalogues.itl().checks());
        checks.addAll(Catalogues.citl().checks());
        for (Check check : checks) {
            deciders.computeIfAbsent(check.code(), code -> new ArrayList<>()).add(check.name());
        }
        for (ResponseCode code : ResponseCode.values()) {
            if (ProposalIntake.CODES.contains(code)) {
                deciders.computeIfAbsent(code, c -> new ArrayList<>()).add(ProposalIntake.class.getSimpleName());
            }
            if (NotificationRules.CODES.contains(code)) {
                deciders.computeIfAbsent(code, c -> new ArrayList<>()).add(NotificationRules.class.getSimpleName());
            }
            if (org.itlgateway.core.check.sequence.StatusQueryRule.CODES.contains(code)) {
                deciders.computeIfAbsent(code, c -> new ArrayList<>())
                        .add(org.itlgateway.core.check.sequence.StatusQueryRule.class.getSimpleName());
            }
        }
        deciders.computeIfAbsent(ResponseCode.TRANSACTION_OVERDUE, c -> new ArrayList<>())
                .add(CompletionDeadline.class.getSimpleName());
        return deciders;
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
