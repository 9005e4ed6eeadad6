#!/usr/bin/env Rscript
# Reference values for Gould-Fernandez brokerage, from R's sna::brokerage.
#
#   apt-get install -y --no-install-recommends r-base-core r-cran-sna   # Debian 12: R 4.2.2, sna 2.7-1
#   Rscript Scripts/make-brokerage-fixtures.R
#
# Writes Tests/SynergraphKitTests/Fixtures/brokerage/<name>.json for a few small seeded random graphs
# (directed, and one symmetric), each with its arcs (0-based), groups, and sna's raw counts, expected
# values, standard deviations and z-scores per vertex (null where sna gives NaN or Inf).
# Column order in sna: w_I (coordinator), w_O (itinerant), b_IO (representative), b_OI (gatekeeper),
# b_O (liaison), t (total); the JSON uses the role names.
suppressPackageStartupMessages(library(sna))

out_dir <- "Tests/SynergraphKitTests/Fixtures/brokerage"
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)

num <- function(x) {
  if (!is.finite(x)) return("null")
  trimws(formatC(x, digits = 17, format = "g"))
}

row_json <- function(v) {
  # v in sna order: w_I, w_O, b_IO, b_OI, b_O, t
  sprintf('{"coordinator": %s, "itinerant": %s, "representative": %s, "gatekeeper": %s, "liaison": %s, "total": %s}',
          num(v[1]), num(v[2]), num(v[3]), num(v[4]), num(v[5]), num(v[6]))
}

write_fixture <- function(name, adj, groups, directed, note) {
  b <- brokerage(adj, groups)
  n <- nrow(adj)
  arcs <- which(adj != 0, arr.ind = TRUE)
  if (!directed) arcs <- arcs[arcs[, 1] < arcs[, 2], , drop = FALSE]
  arcs <- arcs[order(arcs[, 1], arcs[, 2]), , drop = FALSE]
  edge_txt <- paste(sprintf("[%d, %d]", arcs[, 1] - 1, arcs[, 2] - 1), collapse = ", ")
  rows <- function(m) paste(sapply(1:n, function(i) paste0("    ", row_json(m[i, ]))), collapse = ",\n")
  txt <- paste0(
    "{\n",
    sprintf('  "name": "%s",\n', name),
    sprintf('  "source": "R %s, sna %s: sna::brokerage(adjacency, groups)",\n', paste(R.version$major, R.version$minor, sep = "."), packageVersion("sna")),
    sprintf('  "note": "%s",\n', note),
    sprintf('  "n": %d,\n', n),
    sprintf('  "directed": %s,\n', if (directed) "true" else "false"),
    sprintf('  "edges": [%s],\n', edge_txt),
    sprintf('  "groups": [%s],\n', paste(groups, collapse = ", ")),
    '  "raw": [\n', rows(b$raw.nli), "\n  ],\n",
    '  "expected": [\n', rows(b$exp.nli), "\n  ],\n",
    '  "sd": [\n', rows(b$sd.nli), "\n  ],\n",
    '  "z": [\n', rows(b$z.nli), "\n  ]\n",
    "}\n")
  writeLines(txt, file.path(out_dir, paste0(name, ".json")), sep = "")
  cat("wrote", name, "\n")
}

random_digraph <- function(n, p, seed) {
  set.seed(seed)
  m <- matrix(rbinom(n * n, 1, p), n, n)
  diag(m) <- 0
  m
}

# 1. Directed, 10 vertices, 3 groups.
write_fixture("directed10", random_digraph(10, 0.3, 1), c(1, 1, 1, 2, 2, 2, 3, 3, 3, 3), TRUE,
              "set.seed(1); 10x10 Bernoulli(0.3) arcs, no loops")
# 2. Directed, 12 vertices, 4 groups of unequal size (one singleton).
write_fixture("directed12", random_digraph(12, 0.25, 7), c(1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4), TRUE,
              "set.seed(7); 12x12 Bernoulli(0.25) arcs, no loops; group 4 is a singleton")
# 3. Directed, 15 vertices, 2 groups, denser.
write_fixture("directed15", random_digraph(15, 0.4, 42), rep(c(1, 2), length.out = 15), TRUE,
              "set.seed(42); 15x15 Bernoulli(0.4) arcs, no loops; groups alternate")
# 4. Symmetric, 10 vertices, 3 groups: every edge is an arc both ways.
s <- random_digraph(10, 0.3, 3)
s <- 1 * ((s + t(s)) > 0)
write_fixture("symmetric10", s, c(1, 2, 3, 1, 2, 3, 1, 2, 3, 1), FALSE,
              "set.seed(3); 10x10 Bernoulli(0.3), symmetrised (OR), no loops")
# 5. The hand-worked example of the tests: a directed path 0 -> 1 -> 2 plus 2 -> 3, groups A A B B.
h <- matrix(0, 4, 4)
h[1, 2] <- 1; h[2, 3] <- 1; h[3, 4] <- 1
write_fixture("handpath4", h, c(1, 1, 2, 2), TRUE,
              "0 -> 1 -> 2 -> 3 with groups A A B B; worked by hand in BrokerageTests")
