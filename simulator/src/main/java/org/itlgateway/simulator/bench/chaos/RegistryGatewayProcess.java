package org.itlgateway.simulator.bench.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The registry's gateway under chaos ({@code ./itl-registry}) as a process of its own, on the runner's PostgreSQL
 * ({@code --jdbc-url}) or on its embedded one ({@code --data-dir}). Its clock follows the network's simulated time
 * ({@code --simulated-time-from} the network's control API).
 */
final class RegistryGatewayProcess {

    private final String code;
    private final Path pki;
    private final String itl;
    private final String endpoint;
    private final int operatorPort;
    private final List<String> database;
    private final Path logs;
    private JavaProcess process;
    private int starts;
    /** The operator API's token for this run (a registry gateway always requires one). */
    private final String operatorToken = java.util.UUID.randomUUID().toString();

    RegistryGatewayProcess(String code, Path pki, String itl, String endpoint, int operatorPort, List<String> database, Path logs) {
        this.code = code;
        this.pki = pki;
        this.itl = itl;
        this.endpoint = endpoint;
        this.operatorPort = operatorPort;
        this.database = database;
        this.logs = logs;
    }

    JsonHttp operator() {
        return new JsonHttp("http://127.0.0.1:" + operatorPort, operatorToken);
    }

    /**
     * The standalone gateway as it is deployed: its runnable artefact ({@code gateway/target/gateway-runnable.jar}
     * from the project's root, where {@code ./bench} runs; the system property {@code itl.registry.jar} names another).
     */
    private static Path runnableJar() {
        Path jar = Path.of(System.getProperty("itl.registry.jar", "gateway/target/gateway-runnable.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the gateway's runnable artefact " + jar.toAbsolutePath() + " is not built; "
                    + "./bench builds it (mvn -B -ntp -DskipTests -DskipITs install)");
        }
        return jar;
    }

    /** Starts the gateway, its clock following the network's, and waits until its operator API answers. */
    void start(String networkControlApi) {
        List<String> arguments = new ArrayList<>(List.of("--code", code, "--itl", itl, "--endpoint", endpoint,
                "--certificate", pki.resolve(code + ".crt.pem").toString(),
                "--private-key", pki.resolve(code + ".key.pem").toString(),
                "--trust-anchor", pki.resolve("ca.crt.pem").toString(), "--crl", pki.resolve("crl.pem").toString(),
                "--operator-port", String.valueOf(operatorPort), "--operator-token", operatorToken,
                "--simulated-time-from", networkControlApi));
        arguments.addAll(database);
        Path log = logs.resolve("gateway-" + (++starts) + ".log");
        process = JavaProcess.startJar("512m", runnableJar(), arguments, log);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        JsonHttp operator = operator();
        while (true) {
            try {
                if (operator.get("/registry").status() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                process.stop();
                throw new IllegalStateException("the registry gateway did not start; see " + log);
            }
            RegistryDatabase.pause(200);
        }
    }

    int starts() {
        return starts;
    }

    void kill() {
        process.kill();
    }

    void stop() {
        if (process != null) {
            process.stop();
        }
    }
}
