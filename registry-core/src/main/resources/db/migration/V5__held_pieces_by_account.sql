-- What accounts held at any time, current pieces and closed ones alike: a reconciliation's snapshot of the accounts
-- whose totals differ reads only their pieces through it, where the index of current pieces cannot serve a snapshot.
CREATE INDEX held_pieces_by_account ON held_pieces (account_registry, account_identifier);
