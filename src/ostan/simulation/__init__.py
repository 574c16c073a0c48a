"""A whole province's election day, simulated end to end through the real actions: rounds, constituencies,
stations and devices, a roll, signed check-ins and ballots, closing, publication, aggregation and the
verifier. Used by ``manage.py simulate_election``, ``ostan simulate`` and the publication benchmark."""
