package org.itlgateway.gateway.operator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import org.itlgateway.gateway.pki.SecretFiles;

/**
 * The bearer token of a registry gateway's operator API when the operator gave none: 32 random bytes (base64url)
 * generated on the first start and kept in a file readable by its owner only ({@link SecretFiles}), read again on
 * every later start. The file is never read or written through a symbolic link.
 *
 * @param value   the token
 * @param file    where it is kept
 * @param created true when this start generated it
 */
public record OperatorToken(String value, Path file, boolean created) {

    /** The bytes of randomness in a generated token. */
    static final int BYTES = 32;

    /** The token kept in {@code file}, generated and stored there first when the file does not exist. */
    public static OperatorToken storedIn(Path file) {
        if (Files.isSymbolicLink(file)) {
            throw new IllegalStateException(file + " is a symbolic link; the operator token is never read or written through one");
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            String value = read(file).strip();
            if (value.isEmpty()) {
                throw new IllegalStateException(file + " holds no operator token; delete it to have a new one generated");
            }
            return new OperatorToken(value, file, false);
        }
        String value = SecretFiles.newSecret(BYTES);
        SecretFiles.write(file, value + System.lineSeparator());
        return new OperatorToken(value, file, true);
    }

    private static String read(Path file) {
        try (SeekableByteChannel channel = Files.newByteChannel(file, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
            if (channel.size() > 4096) {
                throw new IllegalStateException(file + " is too large to be an operator token");
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) channel.size());
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // read it all
            }
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the operator token in " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "OperatorToken[" + file + (created ? ", generated" : "") + "]";
    }
}
