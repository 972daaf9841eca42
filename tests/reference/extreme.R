# Reference values for the engine's guards on extreme inputs (tests/unit/stats/guards.test.ts), computed with R's
# metafor. Run from the repository root:   Rscript tests/reference/extreme.R
# Writes tests/fixtures/stats/extreme.json at full precision with the R, metafor and jsonlite versions.
# Each case records what metafor returns for rma(method = c("REML", "PM", "DL")) and the warnings it gives.

suppressPackageStartupMessages(library(metafor))
library(jsonlite)

provenance <- list(
  generated_by = "tests/reference/extreme.R",
  R = R.version.string,
  metafor = as.character(packageVersion("metafor")),
  jsonlite = as.character(packageVersion("jsonlite"))
)

# rma() with metafor's fallback vector, keeping its warnings.
fit <- function(yi, vi) {
  warnings <- character(0)
  res <- withCallingHandlers(
    rma(yi, vi, method = c("REML", "PM", "DL")),
    warning = function(w) {
      warnings <<- c(warnings, conditionMessage(w))
      invokeRestart("muffleWarning")
    }
  )
  list(
    yi = as.numeric(yi), vi = as.numeric(vi), method = res$method,
    estimate = as.numeric(res$beta), se = res$se, ci = list(lower = res$ci.lb, upper = res$ci.ub),
    tau2 = res$tau2, warnings = warnings
  )
}

# Two trials on a 0-100 pain scale; the second reports sd = 0.000001 in both arms (the REML step of the
# TypeScript engine was -Infinity here and its step-halving loop never ended).
arms <- list(m1i = c(-20, -20), sd1i = c(20, 1e-6), n1i = c(50, 30), m2i = c(-10, -10), sd2i = c(20, 1e-6), n2i = c(50, 30))
tiny <- escalc("MD", m1i = c(-20, -20), sd1i = c(20, 1e-6), n1i = c(50, 30),
               m2i = c(-10, -10), sd2i = c(20, 1e-6), n2i = c(50, 30))

# Twelve identical trials: every sampling variance is the same, so regtest's predictor sei is constant.
same <- escalc("MD", m1i = rep(-20, 12), sd1i = rep(20, 12), n1i = rep(50, 12),
               m2i = rep(-10, 12), sd2i = rep(20, 12), n2i = rep(50, 12))
regtest_error <- tryCatch({ regtest(rma(same$yi, same$vi)); NA }, error = function(e) conditionMessage(e))

# Two identical effects under Hartung-Knapp: Y'PY = 0, so metafor's se is 0 and its z = 0/0 (p is NA).
kh <- rma(c(0, 0), c(2, 2), test = "knha")

x <- list(
  provenance = provenance,
  source = "metafor rma(method = c('REML', 'PM', 'DL')) and regtest() on constructed extreme inputs",
  tiny_sd = c(list(arms = arms), fit(tiny$yi, tiny$vi)),
  # +Infinity REML step (tr(PP) rounds to 0) for one near-zero variance
  tiny_vi = fit(c(18.08492546077464, 11.512094328579172), c(4.195749382505559e-22, 43.45278002959742)),
  knha_identical = list(yi = c(0, 0), vi = c(2, 2), estimate = as.numeric(kh$beta), se = kh$se, p = kh$pval),
  equal_precision = list(yi = as.numeric(same$yi), vi = as.numeric(same$vi), regtest_error = regtest_error)
)
writeLines(toJSON(x, auto_unbox = TRUE, digits = NA, na = "null", null = "null"),
           file.path("tests", "fixtures", "stats", "extreme.json"))
