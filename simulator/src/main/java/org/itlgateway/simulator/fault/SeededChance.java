package org.itlgateway.simulator.fault;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Chance as a pure function of the network's seed and what it is about: the same seed and the same parts give the
 * same number on every run and machine, whatever order the threads happen to run in.
 */
public final class SeededChance {

    private SeededChance() {
    }

    /** A number in [0, 1), the same for the same seed and parts. */
    public static double uniform(long seed, String... parts) {
        byte[] hash = hash(seed, parts);
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = bits << 8 | hash[i] & 0xFF;
        }
        return (bits >>> 11) * 0x1.0p-53;
    }

    /** A standard normal number (Box-Muller on two uniform numbers), the same for the same seed and parts. */
    public static double gaussian(long seed, String... parts) {
        double u1 = uniform(seed, with(parts, "u1"));
        double u2 = uniform(seed, with(parts, "u2"));
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** {@code length} bytes, the same for the same seed and parts. */
    public static byte[] bytes(int length, long seed, String... parts) {
        byte[] out = new byte[length];
        int filled = 0;
        for (int block = 0; filled < length; block++) {
            byte[] hash = hash(seed, with(parts, "block" + block));
            int n = Math.min(hash.length, length - filled);
            System.arraycopy(hash, 0, out, filled, n);
            filled += n;
        }
        return out;
    }

    private static String[] with(String[] parts, String more) {
        String[] all = java.util.Arrays.copyOf(parts, parts.length + 1);
        all[parts.length] = more;
        return all;
    }

    private static byte[] hash(long seed, String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Long.toString(seed).getBytes(StandardCharsets.UTF_8));
            for (String part : parts) {
                // a separator that no part holds keeps ("ab", "c") apart from ("a", "bc")
                sha.update((byte) 0);
                sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
            }
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
