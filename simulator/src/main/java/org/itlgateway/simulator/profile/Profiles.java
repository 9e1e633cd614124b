package org.itlgateway.simulator.profile;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.itlgateway.core.project.Project;
import org.itlgateway.gateway.node.ProjectTable;

/**
 * The network's peer profiles: the built-in ones (classpath {@code peers/*.json}, listed in
 * {@code peers/index.txt}) and, overriding or adding to them, every {@code *.json} in a directory of the tester's;
 * there, {@value #PROJECT_TABLE} is not a profile but a project reference table in the format of the CDM gateway's
 * {@code --projects}, whose projects every node of the network knows besides the built-in ones.
 */
public final class Profiles {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** The file of a profiles directory that holds projects, not a profile. */
    public static final String PROJECT_TABLE = "projects.json";

    private final Map<String, PeerProfile> byCode;
    private final List<Project> projects;

    private Profiles(Map<String, PeerProfile> byCode, List<Project> projects) {
        this.byCode = byCode;
        this.projects = projects;
    }

    /** The built-in profiles, then those of {@code directory} (may be null), which win on the same code. */
    public static Profiles load(Path directory) {
        Map<String, PeerProfile> profiles = new LinkedHashMap<>();
        List<Project> projects = List.of();
        for (String file : builtInFiles()) {
            try (InputStream in = Profiles.class.getClassLoader().getResourceAsStream("peers/" + file)) {
                PeerProfile profile = read(in, "peers/" + file);
                profiles.put(profile.code(), profile);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (directory != null) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    if (file.getFileName().toString().equals(PROJECT_TABLE)) {
                        projects = projectsIn(file);
                        continue;
                    }
                    try (InputStream in = Files.newInputStream(file)) {
                        PeerProfile profile = read(in, file.toString());
                        profiles.put(profile.code(), profile);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the profiles in " + directory + ": " + e.getMessage(), e);
            }
        }
        return new Profiles(profiles, projects);
    }

    private static List<Project> projectsIn(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return ProjectTable.read(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the project table " + file + " is not valid: " + e.getMessage(), e);
        }
    }

    public static PeerProfile read(InputStream in, String source) {
        try {
            return JSON.readValue(in, PeerProfile.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the profile " + source + " is not valid: " + e.getMessage(), e);
        }
    }

    /** The projects of the tester's {@value #PROJECT_TABLE}, which add to or replace the built-in ones; none without it. */
    public List<Project> projects() {
        return projects;
    }

    public List<PeerProfile> all() {
        return new ArrayList<>(byCode.values());
    }

    public Optional<PeerProfile> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public List<PeerProfile> registries() {
        return byCode.values().stream().filter(PeerProfile::isRegistry).toList();
    }

    private static List<String> builtInFiles() {
        try (InputStream in = Profiles.class.getClassLoader().getResourceAsStream("peers/index.txt")) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
