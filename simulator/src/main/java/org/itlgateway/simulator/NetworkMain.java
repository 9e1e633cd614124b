package org.itlgateway.simulator;

/** Entry point of {@code ./itl-network}: starts the simulated network. */
public final class NetworkMain {

    private NetworkMain() {
    }

    public static void main(String[] args) {
        System.out.println("ITL Gateway simulated network");
        System.out.println("This build carries the DES contract only: RegistryService and TransactionLogService.");
        System.out.println("The nodes (ITL, CITL, GB, CH, generic registries and the CDM registry gateway) are not built yet.");
    }
}
