# Times metafor's rma.mv (REML, random = ~ comp | study, rho = 1/2) on a network written by bench/network.ts, so
# that the TypeScript engine and metafor fit the same data in the same run (npm run bench -- network).
#
#   Rscript tests/reference/bench-network.R <network.json> [repeats]
#
# The JSON holds arms (study, treatment, mean, sd, n) and the reference treatment. Prints one line
# "RESULT {json}" with the median elapsed seconds, tau2 and the estimates versus the reference.

suppressPackageStartupMessages({ library(metafor); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
net <- fromJSON(args[1])
repeats <- if (length(args) > 1) as.integer(args[2]) else 1L
arms <- net$arms
reference <- net$reference

# contrasts against each study's reference arm (the network reference if present, else its first arm)
rows <- list(); blocks <- list()
for (s in unique(arms$study)) {
  a <- arms[arms$study == s, ]
  v <- a$sd^2 / a$n
  r <- if (reference %in% a$treatment) which(a$treatment == reference) else 1
  o <- setdiff(seq_len(nrow(a)), r)
  V <- matrix(v[r], length(o), length(o)); diag(V) <- v[o] + v[r]
  blocks[[length(blocks) + 1]] <- V
  rows[[length(rows) + 1]] <- data.frame(study = s, t = a$treatment[o], ref = a$treatment[r],
                                         yi = a$mean[o] - a$mean[r])
}
d <- do.call(rbind, rows)
d$comp <- paste(d$t, d$ref)
V <- as.matrix(Matrix::bdiag(blocks))
treatments <- sort(setdiff(unique(arms$treatment), reference))
X <- t(sapply(seq_len(nrow(d)), function(i) (treatments == d$t[i]) - (treatments == d$ref[i])))

times <- numeric(0)
for (i in seq_len(repeats)) {
  t <- system.time(fit <- rma.mv(d$yi, V, mods = X, intercept = FALSE, random = ~ comp | study, rho = 1/2,
                                 data = d))[["elapsed"]]
  times <- c(times, t)
}
cat("RESULT", toJSON(list(seconds = median(times), runs = repeats, tau2 = fit$tau2,
                          estimate = unname(as.numeric(fit$beta)),
                          metafor = as.character(packageVersion("metafor")),
                          blas = extSoftVersion()[["BLAS"]]), auto_unbox = TRUE, digits = NA), "\n")
