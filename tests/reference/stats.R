# Reference values for src/lib/stats, computed with R's metafor.
#
# Run from the repository root:   Rscript tests/reference/stats.R
# Writes tests/fixtures/stats/*.json at full precision (jsonlite digits = NA). Every file records the R, metafor
# and jsonlite versions that produced it. The unit tests in tests/unit/stats compare the TypeScript engine to
# these values with a relative tolerance of 1e-6.

suppressPackageStartupMessages(library(metafor))
library(jsonlite)

out_dir <- file.path("tests", "fixtures", "stats")
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)

provenance <- list(
  generated_by = "tests/reference/stats.R",
  R = R.version.string,
  metafor = as.character(packageVersion("metafor")),
  jsonlite = as.character(packageVersion("jsonlite"))
)

write_fixture <- function(name, x) {
  x <- c(list(provenance = provenance), x)
  writeLines(toJSON(x, auto_unbox = TRUE, digits = NA, na = "null", null = "null"),
             file.path(out_dir, paste0(name, ".json")))
}

# A scalar for JSON: NA (and NULL) -> null; +-Inf -> "Inf" / "-Inf" (JSON has no infinities).
num <- function(x) {
  if (is.null(x) || length(x) == 0 || is.na(x)) return(NA)
  x <- unname(as.numeric(x))
  if (is.infinite(x)) return(if (x > 0) "Inf" else "-Inf")
  x
}

# One rma.uni model (intercept only) with predict() and weights(), in the shape of RmaResult.
model_out <- function(res) {
  pr <- predict(res)
  list(
    k = res$k, method = res$method, test = res$test,
    estimate = num(res$beta), se = num(res$se), statistic = num(res$zval),
    df = num(res$ddf), p = num(res$pval),
    ci = list(lower = num(res$ci.lb), upper = num(res$ci.ub)),
    # predict() gives no prediction interval for FE models; RmaResult.pi is then the CI (types.ts)
    pi = if (is.null(pr$pi.lb)) list(lower = num(pr$ci.lb), upper = num(pr$ci.ub))
         else list(lower = num(pr$pi.lb), upper = num(pr$pi.ub)),
    tau2 = num(res$tau2), tau2_se = num(res$se.tau2),
    i2 = num(res$I2), h2 = num(res$H2),
    q = num(res$QE), q_df = res$k - res$p, q_p = num(res$QEp),
    weights = I(unname(as.numeric(weights(res))))
  )
}

fit <- function(yi, vi, method, test = "z", level = 95, ...) {
  suppressWarnings(rma(yi = yi, vi = vi, method = method, test = test, level = level, ...))
}

# All estimators x both tests.
all_models <- function(yi, vi) {
  out <- list()
  for (m in c("REML", "DL", "PM", "FE")) for (t in c("z", "knha")) {
    out[[length(out) + 1]] <- c(list(options = list(method = m, test = t, level = 95)),
                                list(result = model_out(fit(yi, vi, m, t))))
  }
  out
}

list_rma_out <- function(x) {
  lapply(seq_along(x$estimate), function(i) list(
    estimate = num(x$estimate[i]), se = num(x$se[i]), p = num(x$pval[i]),
    ci = list(lower = num(x$ci.lb[i]), upper = num(x$ci.ub[i])),
    q = num(x$Q[i]), q_p = num(x$Qp[i]),
    tau2 = if (is.null(x$tau2)) 0 else num(x$tau2[i]),
    i2 = num(x$I2[i]), h2 = num(x$H2[i])
  ))
}

regtest_out <- function(res) {
  r <- regtest(res)
  list(statistic = num(r$zval), p = num(r$pval), df = num(r$ddf), method = r$method,
       slope = num(r$fit$beta[2]), slope_se = num(r$fit$se[2]), tau2 = num(r$fit$tau2),
       limit = list(estimate = num(r$est), ci = list(lower = num(r$ci.lb), upper = num(r$ci.ub))))
}

trimfill_out <- function(res) {
  tf <- trimfill(res)
  filled <- which(tf$fill)
  list(k0 = tf$k0, se_k0 = num(tf$se.k0), side = tf$side,
       filled = lapply(filled, function(i) list(yi = num(tf$yi[i]), vi = num(tf$vi[i]))),
       result = model_out(tf))
}

confint_out <- function(res) {
  ci <- confint(res)
  r <- ci$random
  row <- function(j) list(estimate = num(r[j, 1]), ci = list(lower = num(r[j, 2]), upper = num(r[j, 3])))
  list(tau2 = row(1), tau = row(2), i2 = row(3), h2 = row(4),
       ciNull = ci$ci.null, lowerSign = ci$lb.sign, upperSign = ci$ub.sign)
}

opts <- function(m, t, level = 95) list(method = m, test = t, level = level)

# The full set of analyses for one dataset.
analyses <- function(yi, vi, order = NULL, group = NULL) {
  x <- list(all_models = all_models(yi, vi))
  x$leave1out <- lapply(list(c("REML", "z"), c("REML", "knha"), c("DL", "z")), function(mt) {
    list(options = opts(mt[1], mt[2]), result = list_rma_out(leave1out(fit(yi, vi, mt[1], mt[2]))))
  })
  if (!is.null(order)) {
    x$cumul <- lapply(list(c("REML", "z"), c("REML", "knha"), c("DL", "z")), function(mt) {
      d <- data.frame(yi = yi, vi = vi, ord = order)
      res <- suppressWarnings(rma(yi, vi, data = d, method = mt[1], test = mt[2]))
      cu <- suppressWarnings(cumul(res, order = ord))
      list(options = opts(mt[1], mt[2]), order = order, result = list_rma_out(cu))
    })
  }
  x$regtest <- lapply(list(c("REML", "z"), c("REML", "knha"), c("DL", "z"), c("PM", "z"), c("FE", "z")),
                      function(mt) list(options = opts(mt[1], mt[2]), result = regtest_out(fit(yi, vi, mt[1], mt[2]))))
  # metafor's trimfill() refits the filled data with the estimator only (test "z", level 95), whatever the model had
  x$trimfill <- lapply(list(c("REML", "z", 95), c("DL", "z", 95), c("PM", "z", 95), c("FE", "z", 95),
                            c("REML", "knha", 90)), function(mt) {
    list(options = opts(mt[1], mt[2], as.numeric(mt[3])),
         result = trimfill_out(fit(yi, vi, mt[1], mt[2], as.numeric(mt[3]))))
  })
  x$confint <- lapply(list(c("REML", "z", 95), c("DL", "z", 95), c("PM", "z", 95), c("REML", "z", 90)),
                      function(mt) {
    res <- fit(yi, vi, mt[1], mt[2], as.numeric(mt[3]))
    list(options = opts(mt[1], mt[2], as.numeric(mt[3])), result = confint_out(res))
  })
  if (!is.null(group)) {
    x$subgroup <- lapply(list(c("REML", "z"), c("DL", "z"), c("REML", "knha")), function(mt) {
      levels <- unique(group)
      per <- lapply(levels, function(g) model_out(fit(yi[group == g], vi[group == g], mt[1], mt[2])))
      est <- sapply(per, `[[`, "estimate")
      se <- sapply(per, `[[`, "se")
      fe <- rma(yi = est, sei = se, method = "FE")
      list(options = opts(mt[1], mt[2]), group = group,
           result = list(groups = lapply(seq_along(levels), function(j) list(name = levels[j], result = per[[j]])),
                         q_between = num(fe$QE), df = length(levels) - 1, p = num(fe$QEp)))
    })
  }
  x
}

# ---- BCG vaccine trials (dat.bcg), log risk ratios --------------------------------------------------------
bcg <- dat.bcg
rr <- escalc("RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = bcg)
or <- escalc("OR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = bcg)
rd <- escalc("RD", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = bcg)
write_fixture("bcg", c(list(
  source = "metafor dat.bcg (Colditz et al. 1994), escalc(measure = 'RR')",
  data = list(author = bcg$author, year = bcg$year, alloc = as.character(bcg$alloc),
              ai = bcg$tpos, n1i = bcg$tpos + bcg$tneg, ci = bcg$cpos, n2i = bcg$cpos + bcg$cneg),
  escalc = list(RR = list(yi = as.numeric(rr$yi), vi = as.numeric(rr$vi)),
                OR = list(yi = as.numeric(or$yi), vi = as.numeric(or$vi)),
                RD = list(yi = as.numeric(rd$yi), vi = as.numeric(rd$vi))),
  yi = as.numeric(rr$yi), vi = as.numeric(rr$vi)),
  analyses(as.numeric(rr$yi), as.numeric(rr$vi), order = bcg$year, group = as.character(bcg$alloc))))

# ---- Normand (1999) stroke-unit data (dat.normand1999): MD and SMD ------------------------------------------
nd <- dat.normand1999
md <- escalc("MD", m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2i, data = nd)
smd <- escalc("SMD", m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2i, data = nd)
arms <- list(m1i = nd$m1i, sd1i = nd$sd1i, n1i = nd$n1i, m2i = nd$m2i, sd2i = nd$sd2i, n2i = nd$n2i)
write_fixture("normand1999-md", c(list(source = "metafor dat.normand1999, escalc(measure = 'MD')", data = arms,
  yi = as.numeric(md$yi), vi = as.numeric(md$vi)), analyses(as.numeric(md$yi), as.numeric(md$vi))))
write_fixture("normand1999-smd", c(list(source = "metafor dat.normand1999, escalc(measure = 'SMD')", data = arms,
  yi = as.numeric(smd$yi), vi = as.numeric(smd$vi)), analyses(as.numeric(smd$yi), as.numeric(smd$vi))))

# ---- Homogeneous effects (tau2 = 0 under every estimator) --------------------------------------------------
hy <- c(0.10, 0.12, 0.08, 0.11, 0.095, 0.105)
hv <- c(0.010, 0.020, 0.015, 0.012, 0.018, 0.011)
write_fixture("homogeneous", c(list(source = "constructed: Q < k - 1", yi = hy, vi = hv), analyses(hy, hv)))

# ---- k = 2 and k = 1 ---------------------------------------------------------------------------------------
small <- function(idx) list(yi = I(as.numeric(rr$yi[idx])), vi = I(as.numeric(rr$vi[idx])),
                            all_models = all_models(as.numeric(rr$yi[idx]), as.numeric(rr$vi[idx])))
k2 <- small(1:2)
k2$confint <- list(list(options = opts("REML", "z"),
                        result = confint_out(fit(k2$yi, k2$vi, "REML"))))
k2$leave1out <- list(list(options = opts("REML", "knha"),
                          result = list_rma_out(leave1out(fit(k2$yi, k2$vi, "REML", "knha")))))
k2het <- small(c(4, 6))
k2het$confint <- list(list(options = opts("REML", "z"),
                           result = confint_out(fit(k2het$yi, k2het$vi, "REML"))))
iy <- rep(0.3, 4)
iv <- c(0.1, 0.2, 0.3, 0.4)
identical_effects <- list(yi = iy, vi = iv, all_models = all_models(iy, iv))
write_fixture("small-k", list(
  source = "dat.bcg log RR, trials 1-2 (k2), trials 4 and 6 (k2het), trial 1 (k1); four identical effects (identical)",
  k2 = k2, k2het = k2het, k1 = small(1), identical = identical_effects))

# ---- Zero cells: RR, OR, RD with metafor's default correction ----------------------------------------------
zc <- data.frame(ai = c(0, 2, 5, 0, 10, 3, 12), n1i = c(20, 25, 30, 15, 10, 40, 50),
                 ci = c(3, 0, 8, 0, 7, 6, 15), n2i = c(20, 24, 31, 15, 12, 38, 52))
zero <- list(source = "constructed 2x2 tables with single zeros, a double zero (row 4) and all events (row 5)",
             data = as.list(zc))
for (m in c("RR", "OR", "RD")) {
  es <- escalc(m, ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = zc)
  zero[[m]] <- list(yi = as.numeric(es$yi), vi = as.numeric(es$vi),
                    all_models = all_models(as.numeric(es$yi), as.numeric(es$vi)))
}
write_fixture("zero-cells", zero)

# ---- Estimates reported with a 95% CI (generic inverse variance) -------------------------------------------
ci_rows <- data.frame(
  estimate = c(0.49, 1.20, 0.80, 2.10, -5.2, 3.4, -1.1),
  lower = c(0.34, 0.90, 0.55, 1.05, -9.8, -0.6, -2.9),
  upper = c(0.70, 1.60, 1.16, 4.20, -0.6, 7.4, 0.7),
  ratio = c(TRUE, TRUE, TRUE, TRUE, FALSE, FALSE, FALSE),
  level = c(95, 95, 95, 90, 95, 95, 99))
tr <- function(x, ratio) { out <- x; out[ratio] <- log(x[ratio]); out }
z <- qnorm(1 - (100 - ci_rows$level) / 200)
ci_yi <- tr(ci_rows$estimate, ci_rows$ratio)
ci_vi <- ((tr(ci_rows$upper, ci_rows$ratio) - tr(ci_rows$lower, ci_rows$ratio)) / (2 * z))^2
ratios <- which(ci_rows$ratio & ci_rows$level == 95)
pool_ci <- rma(yi = ci_yi[ratios], sei = sqrt(ci_vi[ratios]))
write_fixture("from-ci", list(
  source = "constructed reported estimates; vi = ((upper - lower) / (2 qnorm(1 - alpha/2)))^2, logs for ratios",
  rows = as.list(ci_rows), yi = ci_yi, vi = ci_vi,
  pooled_95_ratios = list(rows = ratios - 1, result = model_out(pool_ci))))

# ---- Fallbacks (metafor's method vector) -------------------------------------------------------------------
fb_reml <- suppressWarnings(rma(yi = as.numeric(rr$yi), vi = as.numeric(rr$vi), method = c("REML", "PM", "DL"),
                                control = list(maxiter = 2)))
oy <- c(0, 0.1, -0.1, 0.05, 1000)
ov <- c(0.01, 0.02, 0.015, 0.01, 0.02)
fb_pm <- suppressWarnings(rma(yi = oy, vi = ov, method = c("PM", "DL")))
# REML stuck at a local maximum: metafor's ll0check sets tau2 = 0 (found by a random search with set.seed(3)).
lm_cases <- list(
  list(yi = c(-0.151321887532081, 9.7829824363757, 0.0987465396372495, 0.0419527305978833),
       vi = c(0.903799457883086, 9.10188636616382, 0.43878432821503, 0.00351492257387059)),
  list(yi = c(-0.728269785281129, -0.28588414260846, 8.76136639951317, 11.8131552787477, -0.273037383566041,
              -0.179686949126529),
       vi = c(0.148275637730721, 0.0375243954047583, 19.0052465001068, 7.76721623065192, 0.00646552084405436,
              0.104901301835655)))
local_max <- lapply(lm_cases, function(d) {
  warned <- FALSE
  res <- withCallingHandlers(rma(d$yi, d$vi), warning = function(w) {
    if (grepl("local maximum", conditionMessage(w))) warned <<- TRUE
    invokeRestart("muffleWarning")
  })
  c(d, list(warned = warned, result = model_out(res)))
})
write_fixture("fallback", list(
  local_max = local_max,
  source = "metafor rma(method = c('REML', 'PM', 'DL'), control = list(maxiter = 2)) on dat.bcg log RR; rma(method = c('PM', 'DL')) on an outlier",
  reml_to_pm = list(yi = as.numeric(rr$yi), vi = as.numeric(rr$vi), maxiter = 2, result = model_out(fb_reml)),
  pm_to_dl = list(yi = oy, vi = ov, result = model_out(fb_pm))))

# ---- A larger synthetic dataset (k = 300) ------------------------------------------------------------------
set.seed(20240611)
ks <- 300
sv <- runif(ks, 0.005, 0.4)
sy <- rnorm(ks, -0.3 + 0.8 * sqrt(sv), sqrt(sv + 0.05))
write_fixture("synthetic-300", c(list(source = "set.seed(20240611); vi ~ U(0.005, 0.4); yi ~ N(-0.3 + 0.8 sqrt(vi), vi + 0.05)",
  yi = sy, vi = sv), list(all_models = all_models(sy, sv),
  regtest = list(list(options = opts("REML", "z"), result = regtest_out(fit(sy, sv, "REML")))),
  trimfill = list(list(options = opts("REML", "z"), result = trimfill_out(fit(sy, sv, "REML")))),
  confint = list(list(options = opts("REML", "z"), result = confint_out(fit(sy, sv, "REML")))))))

# ---- Distributions -----------------------------------------------------------------------------------------
pp <- c(1e-10, 0.001, 0.025, 0.05, 0.1, 0.5, 0.9, 0.975, 0.999)
xx <- c(-8, -3.9744, -1.96, -0.5, 0, 0.5, 1.2, 2.5, 6)
dfs <- c(1, 2, 3, 5, 12, 30, 100)
cx <- c(0.01, 0.5, 3, 12, 40, 152.233)
write_fixture("distributions", list(
  p = pp, x = xx, df = dfs, chisq_x = cx,
  qnorm = qnorm(pp), pnorm = pnorm(xx), pnorm_upper = pnorm(xx, lower.tail = FALSE),
  qt = lapply(dfs, function(d) qt(pp, d)), pt = lapply(dfs, function(d) pt(xx, d)),
  pt_upper = lapply(dfs, function(d) pt(xx, d, lower.tail = FALSE)),
  qchisq = lapply(dfs, function(d) qchisq(pp, d)),
  qchisq_upper = lapply(dfs, function(d) qchisq(pp, d, lower.tail = FALSE)),
  pchisq = lapply(dfs, function(d) pchisq(cx, d)),
  pchisq_upper = lapply(dfs, function(d) pchisq(cx, d, lower.tail = FALSE)),
  lgamma = list(x = c(0.5, 1.5, 4, 10.5, 77.5), value = lgamma(c(0.5, 1.5, 4, 10.5, 77.5)))))

# ---- Combining two arms: the Cochrane formulae equal the mean and SD of the pooled observations ------------
set.seed(42)
comb <- lapply(1:5, function(i) {
  n1 <- sample(5:60, 1); n2 <- sample(5:60, 1)
  a <- rnorm(n1, runif(1, -30, 30), runif(1, 2, 25)); b <- rnorm(n2, runif(1, -30, 30), runif(1, 2, 25))
  list(a = list(n = n1, mean = mean(a), sd = sd(a)), b = list(n = n2, mean = mean(b), sd = sd(b)),
       pooled = list(n = n1 + n2, mean = mean(c(a, b)), sd = sd(c(a, b))))
})
write_fixture("combine-arms", list(
  source = "simulated raw samples; pooled = mean() and sd() of the concatenated observations", cases = comb))

# ---- uniroot (the root finder behind PM and the Q-profile limits) -----------------------------------------
ur <- function(name, f, lower, upper, tol = .Machine$double.eps^0.25, maxiter = 1000) {
  r <- suppressWarnings(uniroot(f, c(lower, upper), tol = tol, maxiter = maxiter))
  list(name = name, lower = lower, upper = upper, tol = tol, maxiter = maxiter, root = r$root)
}
write_fixture("uniroot", list(cases = list(
  ur("x^2 - 2", function(x) x^2 - 2, 0, 2),
  ur("x^3 - x - 1", function(x) x^3 - x - 1, 0, 3),
  ur("cos(x) - x", function(x) cos(x) - x, -1, 3, tol = 1e-10),
  ur("exp(x) - 2, stopped after 3 iterations", function(x) exp(x) - 2, 0, 5, tol = 1e-15, maxiter = 3))))

cat("Fixtures written to", out_dir, "\n")
