package org.itlgateway.schemas;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The sample messages under src/test/resources. */
final class Samples {

    private Samples() {
    }

    static Stream<Path> under(String folder) throws IOException {
        try (Stream<Path> files = Files.walk(path(folder))) {
            return files.filter(p -> p.toString().endsWith(".xml")).sorted().toList().stream();
        }
    }

    static Path path(String resource) {
        URL url = Samples.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalArgumentException(resource + " is not among the test resources");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static String read(String resource) throws IOException {
        return Files.readString(path(resource));
    }
}
