"""Search backends behind one interface: base (the contract), database, engine."""
