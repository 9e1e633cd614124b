package org.itlgateway.gateway.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's sessions, kept in memory on the server: each opened by a sign-in, known by a random identifier the
 * browser holds in a cookie ({@code HttpOnly}, {@code SameSite=Strict}, {@code Secure} over TLS, on the console's
 * path only), with a CSRF token of its own that every form carries. A session ends when it is left unused for its
 * idle time (on the injected clock), when its owner signs out, or when the process stops. Identifiers are kept only
 * as their SHA-256, so the map holds nothing a reader of memory could present.
 */
public final class ConsoleSessions {

    /** The cookie holding the session's identifier. */
    public static final String COOKIE = "itl-console";
    /** The form field holding the session's CSRF token. */
    public static final String CSRF_FIELD = "csrf";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final Duration idle;
    private final int most;
    private final String path;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    /** A session: its CSRF token and until when it lasts unless used again. */
    public static final class Session {

        private final String key;
        private final String csrf;
        private volatile Instant expires;

        private Session(String key, String csrf, Instant expires) {
            this.key = key;
            this.csrf = csrf;
            this.expires = expires;
        }

        /** The token every form of this session carries. */
        public String csrf() {
            return csrf;
        }

        /** When it ends unless used before. */
        public Instant expires() {
            return expires;
        }

        /** True when {@code given} is this session's CSRF token (compared in constant time). */
        public boolean isCsrf(String given) {
            return given != null && MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8),
                    given.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A new session with its identifier, which only the cookie holds. */
    public record Opened(String id, Session session) {
    }

    /**
     * @param clock the time sessions expire on
     * @param idle  how long a session lasts unused
     * @param most  the most sessions open at once; the one closest to its end gives way to a new one
     * @param path  the path the cookie is sent for, e.g. {@code /console}
     */
    public ConsoleSessions(Clock clock, Duration idle, int most, String path) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.idle = Objects.requireNonNull(idle, "idle time");
        if (idle.isNegative() || idle.isZero() || most < 1) {
            throw new IllegalArgumentException("sessions last some time, and one at least may be open");
        }
        this.most = most;
        this.path = Objects.requireNonNull(path, "path");
    }

    /** Opens a session. */
    public Opened open() {
        Instant now = clock.instant();
        sessions.values().removeIf(session -> !session.expires.isAfter(now));
        while (sessions.size() >= most) {
            sessions.values().stream().min(java.util.Comparator.comparing(Session::expires))
                    .ifPresent(oldest -> sessions.remove(oldest.key));
        }
        String id = random();
        Session session = new Session(keyOf(id), random(), now.plus(idle));
        sessions.put(session.key, session);
        return new Opened(id, session);
    }

    /** The session with this identifier, if it is open; using it makes it last its idle time again. */
    public Optional<Session> find(String id) {
        if (id == null || id.isEmpty() || id.length() > 100) {
            return Optional.empty();
        }
        Session session = sessions.get(keyOf(id));
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!session.expires.isAfter(now)) {
            sessions.remove(session.key);
            return Optional.empty();
        }
        session.expires = now.plus(idle);
        return Optional.of(session);
    }

    /** Ends the session with this identifier, if it is open. */
    public void close(String id) {
        if (id != null && id.length() <= 100) {
            sessions.remove(keyOf(id));
        }
    }

    /** The {@code Set-Cookie} value that gives the browser this session. */
    public String cookie(Opened opened, boolean secure) {
        return COOKIE + "=" + opened.id() + "; Path=" + path + "; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "") + "; Max-Age=" + idle.toSeconds();
    }

    /** The {@code Set-Cookie} value that makes the browser forget its session. */
    public String forgetting(boolean secure) {
        return COOKIE + "=; Path=" + path + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "") + "; Max-Age=0";
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String keyOf(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
