package org.itlgateway.gateway.app;

import java.nio.file.Path;
import org.itlgateway.gateway.pki.Credential;
import org.itlgateway.gateway.pki.PkiFiles;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** A command's pair of options naming a PEM certificate chain and its private key, which are given together or not at all. */
public final class PemOptions {

    private PemOptions() {
    }

    /**
     * The credential the two files hold, or null when neither option is given; one without the other is a usage
     * error naming both options.
     */
    public static Credential credential(CommandSpec spec, Path certificate, String certificateOption, Path privateKey,
                                        String privateKeyOption) {
        if (certificate == null && privateKey == null) {
            return null;
        }
        if (certificate == null || privateKey == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give both " + certificateOption + " and " + privateKeyOption + ", or neither");
        }
        return PkiFiles.readCredential(certificate, privateKey);
    }
}
