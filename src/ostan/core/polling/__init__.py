"""Election day, fully electronic: the pure cores behind polling stations and the public verifier.

Modules, in the order of the day (docs/election-day.md tells the whole protocol):
:mod:`roll` (eligibility, roll rows), :mod:`synthetic` (synthetic rolls), :mod:`devices` (device keys
and signed requests), :mod:`checkin` (the check-in decision), :mod:`tokens` (single-use voting
tokens), :mod:`ballots` (anonymous ballot records, paper records), :mod:`minutes` (station minutes),
:mod:`bulletin` (the hash-chained bulletin board), :mod:`publication` (the published documents),
:mod:`aggregate` (totals up the territory tree), :mod:`audit` (the random re-check) and
:mod:`verify` (the public verifier).
"""
