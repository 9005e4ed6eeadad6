#!/usr/bin/env python3
"""Write a partner-shaped edge list for the betweenness benchmark (Scripts/bench, Docs/benchmarks.md).

    python3 Scripts/make-partner-graph.py OUT.csv [ORGANISATIONS] [ORG_TIES] [EXPERTS] [SEED]

Default: 10,000 organisations joined by 50,000 uniform random tie rows (as the g-10000-50000 benchmark
graph: self-loops and repeats included, every tool simplifies), plus 40,000 experts with exactly one tie
each, to an organisation chosen uniformly at random: the shape of a partner network where most experts are
known through one organisation. `source,target` rows, organisations `o<i>`, experts `e<j>`; seeded, so the
same arguments always write the same file. Pure Python (no numpy needed).
"""
import os
import random
import sys


def make(path, orgs=10_000, org_ties=50_000, experts=40_000, seed=1):
    rng = random.Random(seed)
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write("source,target\n")
        for _ in range(org_ties):
            f.write(f"o{rng.randrange(orgs)},o{rng.randrange(orgs)}\n")
        for j in range(experts):
            f.write(f"e{j},o{rng.randrange(orgs)}\n")
    os.rename(tmp, path)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    args = [int(a) for a in sys.argv[2:6]]
    make(sys.argv[1], *args)
