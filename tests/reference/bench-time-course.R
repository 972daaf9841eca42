# Times metafor's rma.mv (struct = "CAR", REML) and robust(clubSandwich = TRUE) on the data that
# bench/time-course.ts writes (the same rows the TypeScript engine fits), and prints the estimates so the bench can
# check that both programs agree. Called by `npm run bench -- time`; by hand:
#
#   Rscript tests/reference/bench-time-course.R <rows.csv> <phi> [robust: 0/1]
#
# The rows are study x timepoint (1,000 trials x 6 weeks = 6,000 rows): metafor's default dense 6,000 x 6,000
# marginal covariance would need a dense Cholesky per likelihood evaluation (hours with the reference BLAS), so the
# model is fitted with sparse = TRUE (block-diagonal sparse matrices), metafor's fastest setting for this layout.

suppressPackageStartupMessages({
  library(metafor)
  library(jsonlite)
})
args <- commandArgs(trailingOnly = TRUE)
dat <- read.csv(args[1])
phi <- as.numeric(args[2])
with_robust <- length(args) < 3 || args[3] == "1"
dat$window <- factor(dat$window, levels = sort(unique(dat$window)))

t_v <- system.time(V <- vcalc(vi, cluster = study, time1 = week, phi = phi, data = dat, sparse = TRUE))[["elapsed"]]
t_fit <- system.time(
  fit <- rma.mv(yi, V, mods = ~ 0 + window, random = ~ week | study, struct = "CAR", data = dat, sparse = TRUE)
)[["elapsed"]]
t_rob <- NA
rob_se <- NULL
if (with_robust) {
  t_rob <- system.time(rob <- robust(fit, cluster = dat$study, clubSandwich = TRUE))[["elapsed"]]
  rob_se <- unname(as.numeric(rob$se))
}
cat(toJSON(list(
  metafor = as.character(packageVersion("metafor")),
  vcalc_s = t_v, fit_s = t_fit, robust_s = t_rob,
  beta = unname(as.numeric(fit$beta)), tau2 = fit$tau2, rho = fit$rho, logLik = as.numeric(logLik(fit)),
  robust_se = rob_se
), auto_unbox = TRUE, digits = NA))
