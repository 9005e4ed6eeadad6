#!/usr/bin/env python3
"""Generate a large synthetic partner network for timing `synergraph synergy` (not a realistic network).

    python3 Scripts/make-synergy-bench-network.py OUT_DIR [ACTORS] [TIES_PER_ACTOR] [SEED]

Default: 100 000 actors, 5 ties per actor (about 500 000 ties, mean degree about 10). Actors get a kind
(agency, school, cso, government, expert in proportions 15/15/15/20/35 %), a country among 40, 1-3 SDGs,
1-2 accomplishments and 1-3 sectors of 14. Ties join an actor to partners chosen mostly inside its
country block (clustered, as partner networks are) and sometimes anywhere. No activities.
"""
import csv, json, os, random, sys

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
per = int(sys.argv[3]) if len(sys.argv) > 3 else 5
seed = int(sys.argv[4]) if len(sys.argv) > 4 else 1
rng = random.Random(seed)
os.makedirs(out, exist_ok=True)
countries = ["X" + chr(65 + i // 26) + chr(65 + i % 26) for i in range(40)]  # user-assigned ISO codes XAA...
countries[:6] = ["NPL", "LAO", "BTN", "TLS", "VUT", "ETH"]
sectors = ["public administration", "digital government", "local governance", "health", "education", "employment",
           "environment", "climate resilience", "gender equality", "anti-corruption", "open government",
           "disaster risk reduction", "public finance", "statistics"]
kinds = ["agency"] * 15 + ["school"] * 15 + ["cso"] * 15 + ["government"] * 20 + ["expert"] * 35
with open(os.path.join(out, "manifest.json"), "w") as f:
    json.dump({"format_version": 1, "name": "synergy-bench", "title": "Synthetic timing network", "target_countries": countries[:6],
               "hub": "a0", "illustrative": True, "as_of": "2026-09-30", "source_ref": "Scripts/make-synergy-bench-network.py"}, f)
country_of = []
with open(os.path.join(out, "nodes.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["id", "name", "kind", "scope", "country", "sdgs", "accomplishments", "sectors", "consent", "source_ref"])
    for i in range(n):
        k = rng.choice(kinds) if i else "agency"
        c = countries[i * len(countries) // n]
        country_of.append(c)
        w.writerow(["a%d" % i, "Actor %d" % i, k, "national" if k == "agency" else "", c,
                    ";".join(str(s) for s in sorted(rng.sample(range(1, 18), rng.randint(1, 3)))),
                    ";".join(sorted(rng.sample(["EA1", "EA2", "EA3"], rng.randint(1, 2)))),
                    ";".join(rng.sample(sectors, rng.randint(1, 3))), "yes" if k == "expert" else "", "bench"])
with open(os.path.join(out, "ties.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["source", "target", "kind", "weight", "since", "source_ref"])
    block = n // len(countries)
    for i in range(n):
        for _ in range(per):
            if rng.random() < 0.8:
                j = (i // block) * block + rng.randrange(block)
            else:
                j = rng.randrange(n)
            if j != i and j < n:
                w.writerow(["a%d" % i, "a%d" % j, "partnership", 1, "2025-%02d-01" % rng.randint(1, 12), "bench"])
for name, header in [("activities.csv", "id,name,kind,date,end_date,country,accomplishments,sdgs,sectors,source_ref"),
                     ("participation.csv", "activity,node,role,source_ref")]:
    with open(os.path.join(out, name), "w") as f:
        f.write(header + "\n")
print("wrote", out, n, "actors")
