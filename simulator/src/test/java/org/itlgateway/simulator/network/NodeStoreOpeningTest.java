package org.itlgateway.simulator.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NodeStoreOpeningTest {

    /** Stands for a node's stores: it only remembers whether it was closed. */
    private static final class Opened implements AutoCloseable {
        private final String node;
        private final Set<String> closed;

        Opened(String node, Set<String> closed) {
            this.node = node;
            this.closed = closed;
        }

        @Override
        public void close() {
            closed.add(node);
        }
    }

    @Test
    void everyNodeIsOpenedOnceAndAnsweredInTheNodesOrder() {
        Set<String> closed = ConcurrentHashMap.newKeySet();
        Map<String, Integer> calls = new ConcurrentHashMap<>();
        List<String> nodes = List.of("ITL", "CITL", "CDM", "GB", "CH", "JP", "NZ", "DE", "FR");

        Map<String, Opened> opened = NodeStoreOpening.openAll(nodes, node -> {
            calls.merge(node, 1, Integer::sum);
            return new Opened(node, closed);
        });

        assertEquals(nodes, List.copyOf(opened.keySet()));
        assertEquals(nodes.size(), calls.size());
        calls.forEach((node, count) -> assertEquals(1, count, node));
        assertEquals(Set.of(), closed);
    }

    @Test
    void nodesAreOpenedSideBySide() {
        // the first two openings each wait until the other has started: one after the other, neither would finish
        CountDownLatch bothStarted = new CountDownLatch(2);
        Map<String, Opened> opened = NodeStoreOpening.openAll(List.of("ITL", "CITL"), node -> {
            bothStarted.countDown();
            try {
                assertTrue(bothStarted.await(30, TimeUnit.SECONDS), "the other node's opening started");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return new Opened(node, Set.of());
        });

        assertEquals(List.of("ITL", "CITL"), List.copyOf(opened.keySet()));
    }

    @Test
    void whenOneNodeFailsToOpenTheOthersAreClosedAndItsFailureIsThrown() {
        Set<String> closed = ConcurrentHashMap.newKeySet();
        List<String> nodes = List.of("ITL", "CITL", "CDM", "GB");

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> NodeStoreOpening.openAll(nodes,
                node -> {
                    if (node.equals("CDM")) {
                        throw new IllegalStateException("the schema of CDM could not be migrated");
                    }
                    return new Opened(node, closed);
                }));

        assertEquals("the schema of CDM could not be migrated", thrown.getMessage());
        assertEquals(Set.of("ITL", "CITL", "GB"), closed);
    }
}
