package org.itlgateway.simulator.bench.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What must hold once a chaos run is quiet, read only through the APIs: the registry's and the simulated
 * registries' operator APIs, the network's control API (the ITL's mirror, its reconciliation).
 */
final class Invariants {

    /** The registries whose holdings add up to what was issued: the CDM registry, the one under chaos, the acquiring ones. */
    static final List<String> SIMULATED_HOLDERS = List.of("CDM", "JP", "GB", "CH");

    record Result(String name, boolean holds, String detail) {
    }

    private final SimulatedNetwork network;
    private final JsonHttp registry;
    private final List<Transfer> transfers;
    private final long issued;
    private final Duration patience;

    Invariants(SimulatedNetwork network, JsonHttp registry, List<Transfer> transfers, long issued, Duration patience) {
        this.patience = patience;
        this.network = network;
        this.registry = registry;
        this.transfers = transfers;
        this.issued = issued;
    }

    List<Result> check(boolean quiet) throws IOException {
        List<Result> results = new ArrayList<>();
        results.add(everyAcceptedProposalFinal(quiet));
        Map<String, HeldRanges> holdings = new LinkedHashMap<>();
        holdings.put(ChaosRun.REGISTRY, holdingsOf(registry, ChaosRun.REGISTRY));
        for (String code : SIMULATED_HOLDERS) {
            holdings.put(code, holdingsOf(network.operatorOf(code), code));
        }
        results.add(unitsConserved(holdings));
        results.add(mirrorAgrees(holdings));
        results.add(serialsHeldOnce(holdings));
        List<String> credited = acquirersCredited(network, transfers);
        results.add(new Result("acquirers hold what completed transfers sent", credited.isEmpty(),
                credited.isEmpty() ? "JP, GB, CH" : String.join("; ", credited)));
        results.add(reconciliationValidates());
        return results;
    }

    private Result everyAcceptedProposalFinal(boolean quiet) {
        long recorded = transfers.stream().filter(Transfer::recorded).count();
        long notFinal = transfers.stream().filter(t -> t.recorded() && t.finalStatus == 0).count();
        long completed = transfers.stream().filter(Transfer::completed).count();
        Map<Integer, Long> ended = new LinkedHashMap<>();
        transfers.stream().filter(t -> t.recorded() && t.finalStatus != 0 && t.finalStatus != 4)
                .forEach(t -> ended.merge(t.finalStatus, 1L, Long::sum));
        String detail = recorded + " recorded, " + completed + " completed"
                + (ended.isEmpty() ? "" : ", ended otherwise (status: count) " + ended)
                + (notFinal == 0 ? "" : ", " + notFinal + " not final") + (quiet ? "" : ", never quiet");
        return new Result("every accepted proposal final", notFinal == 0 && quiet, detail);
    }

    private Result unitsConserved(Map<String, HeldRanges> holdings) {
        long held = holdings.values().stream().mapToLong(HeldRanges::quantity).sum();
        StringBuilder detail = new StringBuilder("issued " + issued + ", held " + held + " (");
        holdings.forEach((code, ranges) -> detail.append(code).append(' ').append(ranges.quantity()).append(", "));
        detail.setLength(detail.length() - 2);
        return new Result("no unit lost or created", held == issued, detail.append(')').toString());
    }

    private Result mirrorAgrees(Map<String, HeldRanges> holdings) throws IOException {
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, HeldRanges> entry : holdings.entrySet()) {
            long mirrored = network.control().read("/mirror?registry=" + entry.getKey()).path("units").asLong();
            if (mirrored != entry.getValue().quantity()) {
                differences.add(entry.getKey() + " holds " + entry.getValue().quantity() + ", the ITL's mirror " + mirrored);
            }
        }
        return new Result("the ITL's mirror agrees with every registry", differences.isEmpty(),
                differences.isEmpty() ? "per registry" : String.join("; ", differences));
    }

    private static Result serialsHeldOnce(Map<String, HeldRanges> holdings) {
        HeldRanges all = new HeldRanges();
        holdings.forEach((code, ranges) -> ranges.merged().forEach(range -> all.add(range, code)));
        List<String> overlaps = all.overlaps();
        return new Result("no serial held twice", overlaps.isEmpty(),
                overlaps.isEmpty() ? "across " + holdings.keySet() : overlaps.size() + " overlaps, e.g. " + overlaps.get(0));
    }

    /** For each acquiring registry that does not hold exactly the serials the completed transfers sent it, why. */
    static List<String> acquirersCredited(SimulatedNetwork network, List<Transfer> transfers) throws IOException {
        List<String> differences = new ArrayList<>();
        for (String account : ChaosPlan.ACQUIRING_ACCOUNTS) {
            String code = account.substring(0, 2);
            HeldRanges sent = new HeldRanges();
            transfers.stream().filter(t -> t.completed() && t.plan.acquiringAccount().equals(account))
                    .forEach(t -> t.blocks.forEach(block -> sent.add(block, code)));
            HeldRanges held = holdingsOf(network.operatorOf(code), code);
            if (!sent.merged().equals(held.merged())) {
                differences.add(code + " holds " + held.quantity() + " units, completed transfers sent it " + sent.quantity());
            }
        }
        return differences;
    }

    private Result reconciliationValidates() throws IOException {
        Instant asked = Instant.now();
        JsonNode started = network.control().post("/reconciliations", "{\"registry\":\"" + ChaosRun.REGISTRY + "\"}").json();
        long id = started.path(0).path("id").asLong();
        Instant deadline = Instant.now().plus(patience);
        JsonNode reconciliation = started.path(0);
        while (isRunning(reconciliation) && Instant.now().isBefore(deadline)) {
            RegistryDatabase.pause(250);
            reconciliation = network.control().read("/reconciliations/" + id);
        }
        String status = reconciliation.path("status").asText();
        boolean validated = "VALIDATED".equals(status) || "2".equals(status);
        return new Result("the ITL's reconciliation of " + ChaosRun.REGISTRY + " validates (status 2)", validated,
                "reconciliation " + id + ": " + status + " after " + Duration.between(asked, Instant.now()).toSeconds() + " s"
                        + (validated ? "" : " " + reconciliation.path("results")));
    }

    private static boolean isRunning(JsonNode reconciliation) {
        String status = reconciliation.path("status").asText();
        return "INITIATED".equals(status) || "1".equals(status);
    }

    /** Every block every account of a registry holds, read through its operator API. */
    static HeldRanges holdingsOf(JsonHttp operator, String code) throws IOException {
        HeldRanges ranges = new HeldRanges();
        JsonNode accounts = operator.read("/accounts");
        JsonNode list = accounts.isArray() ? accounts : accounts.path("accounts");
        for (JsonNode account : list) {
            String ref = account.path("ref").asText();
            JsonNode holdings = operator.read("/accounts/" + URLEncoder.encode(ref, StandardCharsets.UTF_8) + "/holdings");
            holdings.path("blocks").forEach(block -> ranges.add(block, code));
        }
        return ranges;
    }
}
