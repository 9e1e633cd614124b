package org.itlgateway.simulator.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitAttributes;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitBlockId;
import org.itlgateway.gateway.node.NodeStores;
import org.itlgateway.simulator.network.Network;

/**
 * The differences reconciliation tests plant: units written straight into one node's holdings (a registry's, or a
 * log's records of them) as of the network's now, and deleted again, history and all.
 */
public final class PlantedHoldings {

    private final Network network;

    public PlantedHoldings(Network network) {
        this.network = network;
    }

    /** A block of the party's second-period AAUs. */
    public static UnitBlock aaus(String party, long start, long end) {
        return UnitBlock.of(start, end, UnitAttributes.aau(RegistryCode.of(party), CommitmentPeriod.CP2));
    }

    /** Writes units straight into a node's holdings, as of now. */
    public void plant(String node, AccountRef account, UnitBlock block) {
        NodeStores stores = network.stores(node);
        stores.database().run(() -> {
            var outcome = stores.ledger().issue(account, List.of(block), network.clock().instant());
            if (!outcome.isApplied()) {
                throw new IllegalStateException("could not plant " + block + " at " + node + ": " + outcome);
            }
        });
    }

    /** Deletes units from a node's holdings, history and all. */
    public void remove(String node, UnitBlockId block) throws SQLException {
        try (Connection connection = network.stores(node).database().dataSource().getConnection();
             PreparedStatement delete = connection.prepareStatement("delete from held_pieces where originating_registry = ?"
                     + " and serial_start >= ? and serial_end <= ?")) {
            delete.setString(1, block.originatingRegistry().value());
            delete.setLong(2, block.range().start());
            delete.setLong(3, block.range().end());
            delete.executeUpdate();
        }
    }
}
