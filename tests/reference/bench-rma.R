# Times metafor's rma() (REML, the default) at k = 10, 100, 1000 (and more if asked) on the same seeded synthetic
# data as bench/stats.ts, for comparison with the TypeScript engine (docs/ARCHITECTURE.md section 7: >= 100x faster at k = 1000).
#
#   Rscript tests/reference/bench-rma.R                 # k = 10, 100, 1000 (about a minute)
#   BENCH_RMA_KS=10,100,1000,2000 Rscript tests/reference/bench-rma.R
#
# metafor's rma.uni builds k x k matrices and multiplies them (O(k^3) per Fisher-scoring iteration), so k = 10000
# needs several 800 MB matrices and hours with the reference BLAS; it is not run by default.

suppressPackageStartupMessages(library(metafor))

ks <- as.integer(strsplit(Sys.getenv("BENCH_RMA_KS", "10,100,1000"), ",")[[1]])

# Same generator as bench/stats.ts: 32-bit LCG, u = (s + 0.5) / 2^32 (exact in doubles), Box-Muller normals.
synthetic <- function(k, seed = 20240611) {
  s <- seed
  u <- function() { s <<- (1664525 * s + 1013904223) %% 2^32; (s + 0.5) / 2^32 }
  yi <- vi <- numeric(k)
  for (i in seq_len(k)) {
    vi[i] <- 0.01 + 0.49 * u()
    z <- sqrt(-2 * log(u())) * cos(2 * pi * u())
    yi[i] <- 0.2 + sqrt(vi[i] + 0.1) * z
  }
  list(yi = yi, vi = vi)
}

cat(sprintf("metafor %s, %s, BLAS: %s\n", packageVersion("metafor"), R.version.string, extSoftVersion()[["BLAS"]]))
cat("Maths: metafor rma(method = 'REML'), median of repeated runs\n")
cat("      k   median time    runs   tau2\n")
for (k in ks) {
  d <- synthetic(k)
  fit <- rma(d$yi, d$vi) # warm-up
  # batch fast fits so that each timing is >= 50 ms (system.time() has millisecond resolution)
  reps <- 1
  repeat {
    t <- system.time(for (j in seq_len(reps)) rma(d$yi, d$vi))[["elapsed"]]
    if (t >= 0.05 || reps >= 10000) break
    reps <- reps * 10
  }
  times <- t / reps
  while (length(times) < 5 && sum(times) * reps < 20) {
    times <- c(times, system.time(for (j in seq_len(reps)) fit <- rma(d$yi, d$vi))[["elapsed"]] / reps)
  }
  med <- median(times)
  shown <- if (med < 1e-3) sprintf("%.1f us", med * 1e6) else sprintf("%.3f ms", med * 1e3)
  cat(sprintf("%7d %13s %7d   %.6f\n", k, shown, length(times) * reps, fit$tau2))
}
