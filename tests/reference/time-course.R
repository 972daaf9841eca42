# Reference values for the time-course engine (src/lib/stats/multivariate), computed with metafor and clubSandwich.
#
# Run from the repository root:   Rscript tests/reference/time-course.R
# Writes tests/fixtures/time/*.json at full precision (jsonlite digits = NA), each with the versions that made it:
# - ishak2007.json: metafor's dat.ishak2007 (46 studies, 4 occasions) with V from vcalc(phi = 0.97), fitted with
#   rma.mv(struct = "AR", "HAR" and "CAR" with times 1, 2, 4, 8), REML, plus robust(clubSandwich = TRUE) (CR2).
# - synthetic.json: a multi-trial time course (written below) with one mean per time window, struct = "CAR" over
#   weeks, within-study correlation phi = 0.5, 0.7, 0.9 (vcalc), predictions at 2-52 weeks, CR2 robust results.
# - metareg.json: meta-regression on course length, rma(test = "knha") and permutest(exact = TRUE).

suppressPackageStartupMessages({
  library(metafor)
  library(clubSandwich)
  library(jsonlite)
})

out_dir <- file.path("tests", "fixtures", "time")
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)

provenance <- list(
  generated_by = "tests/reference/time-course.R",
  R = R.version.string,
  metafor = as.character(packageVersion("metafor")),
  clubSandwich = as.character(packageVersion("clubSandwich")),
  jsonlite = as.character(packageVersion("jsonlite"))
)

write_fixture <- function(name, x) {
  x <- c(list(provenance = provenance), x)
  writeLines(toJSON(x, auto_unbox = TRUE, digits = NA, na = "null", null = "null", matrix = "rowmajor"),
             file.path(out_dir, paste0(name, ".json")))
}

un <- function(x) unname(as.numeric(x))
mat <- function(m) unname(as.matrix(m))

# The within-study blocks of a block-diagonal matrix, one per cluster (in order of first appearance).
blocks <- function(V, cluster) {
  lapply(unique(cluster), function(s) { i <- which(cluster == s); mat(V[i, i, drop = FALSE]) })
}

# One rma.mv fit: coefficients, their covariance, variance components and the restricted log-likelihood.
mv_out <- function(res) {
  list(
    beta = un(res$beta), se = un(res$se), ci_lb = un(res$ci.lb), ci_ub = un(res$ci.ub),
    vb = mat(res$vb), tau2 = un(res$tau2), rho = un(res$rho),
    logLik = un(logLik(res)), QE = un(res$QE)
  )
}

# robust(clubSandwich = TRUE): CR2 covariance, SE, Satterthwaite df, t, p and CI per coefficient.
robust_out <- function(res, cluster) {
  r <- robust(res, cluster = cluster, clubSandwich = TRUE)
  list(
    vb = mat(r$vb), se = un(r$se), df = un(r$ddf), tval = un(r$zval), pval = un(r$pval),
    ci_lb = un(r$ci.lb), ci_ub = un(r$ci.ub), fit = r
  )
}

# ---- dat.ishak2007 -------------------------------------------------------------------------------------------
dat <- dat.ishak2007
dat <- reshape(dat, direction = "long", idvar = "study", v.names = c("yi", "vi"),
               varying = list(c(2, 4, 6, 8), c(3, 5, 7, 9)))
dat <- dat[order(dat$study, dat$time), ]
dat <- dat[!is.na(dat$yi), ]
rownames(dat) <- NULL
dat$time2 <- c(1, 2, 4, 8)[dat$time]
V <- vcalc(vi, cluster = study, time1 = time, phi = 0.97, data = dat)

fits <- list(
  AR = rma.mv(yi, V, mods = ~ factor(time) - 1, random = ~ time | study, struct = "AR", data = dat),
  HAR = rma.mv(yi, V, mods = ~ factor(time) - 1, random = ~ time | study, struct = "HAR", data = dat),
  CAR = rma.mv(yi, V, mods = ~ factor(time) - 1, random = ~ time2 | study, struct = "CAR", data = dat)
)
ishak <- list(
  rows = list(study = as.character(dat$study), time = dat$time, time2 = dat$time2, yi = dat$yi, vi = dat$vi),
  phi = 0.97,
  V_blocks = blocks(V, dat$study),
  X = mat(model.matrix(~ factor(time) - 1, data = dat))
)
for (s in names(fits)) {
  rob <- robust_out(fits[[s]], dat$study)
  rob$fit <- NULL
  ishak[[s]] <- c(mv_out(fits[[s]]), list(robust = rob))
}
write_fixture("ishak2007", ishak)

# ---- synthetic multi-trial time course ------------------------------------------------------------------------
# Mean difference in pain (0-100, negative favours acupuncture) at each reported week of eleven trials. The numbers
# were drawn once (rounded to 0.1) from a true course that builds to -12 at week 8 and fades to -4 by week 52, with
# CAR study deviations (tau^2 16, rho 0.93 per week) and AR sampling errors (phi 0.7); they only exercise the model.
syn <- data.frame(
  study = c(rep("T1", 4), rep("T2", 3), rep("T3", 6), rep("T4", 3), rep("T5", 2), rep("T6", 2),
            rep("T7", 3), rep("T8", 4), rep("T9", 2), rep("T10", 3), rep("T11", 4)),
  week = c(2, 4, 8, 12,   4, 8, 26,   1, 2, 3, 4, 5, 10,   6, 13, 26,   6, 9,   12, 34,
           8, 26, 52,   4, 10, 26, 52,   2, 8,   6, 12, 52,   3, 6, 26, 52),
  yi = c(6.4, -3.3, -10.9, -10.3,   -12.7, -18.5, -4.5,   -2.6, -4.1, 0.2, -2.0, 4.0, 5.2,
         -8.6, -2.1, -2.6,   -14.3, -15.5,   -10.0, -1.5,   -8.3, -3.1, 2.4,   -14.0, -9.9, -6.1, -0.5,
         -1.0, -15.1,   -11.3, -14.2, -0.7,   -5.5, -9.9, -8.9, -6.9),
  vi = c(4.5, 5.1, 5.8, 6.6,   7.2, 8.0, 9.3,   10.5, 11.0, 11.4, 12.1, 12.8, 14.0,
         2.1, 2.6, 3.2,   6.7, 7.9,   4.3, 5.9,   3.0, 3.8, 4.7,   2.5, 3.1, 4.0, 5.2,   9.4, 9.9,
         5.6, 6.3, 7.4,   3.9, 4.4, 5.5, 6.8)
)
breaks <- c(0, 3, 5, 7, 10, 17, 39, Inf)
labels <- c("w2", "w4", "w6", "w8", "w12", "w26", "w52")
targets <- c(2, 4, 6, 8, 12, 26, 52)
syn$window <- factor(cut(syn$week, breaks = breaks, labels = labels, right = TRUE), levels = labels)
Xs <- model.matrix(~ 0 + window, data = syn)
newmods <- diag(length(labels))

synthetic <- list(
  rows = list(study = syn$study, week = syn$week, yi = syn$yi, vi = syn$vi),
  breaks = c(head(breaks, -1), NA), labels = labels, targets = targets, X = mat(Xs),
  fits = list()
)
for (phi in c(0.5, 0.7, 0.9)) {
  Vs <- vcalc(vi, cluster = study, time1 = week, phi = phi, data = syn)
  fit <- rma.mv(yi, Vs, mods = ~ 0 + window, random = ~ week | study, struct = "CAR", data = syn)
  rob <- robust_out(fit, syn$study)
  pr <- predict(fit, newmods = newmods)
  prr <- predict(rob$fit, newmods = newmods)
  rob$fit <- NULL
  synthetic$fits[[length(synthetic$fits) + 1]] <- c(
    list(phi = phi, V_blocks = blocks(Vs, syn$study)), mv_out(fit),
    list(
      predict = list(week = targets, pred = un(pr$pred), se = un(pr$se), ci_lb = un(pr$ci.lb), ci_ub = un(pr$ci.ub)),
      robust = rob,
      robust_predict = list(week = targets, pred = un(prr$pred), se = un(prr$se), df = un(prr$ddf),
                            ci_lb = un(prr$ci.lb), ci_ub = un(prr$ci.ub))
    )
  )
}
# A linear contrast (week 52 minus week 8) with its CR2 Satterthwaite df, as clubSandwich::linear_contrast gives it.
fit9 <- rma.mv(yi, vcalc(vi, cluster = study, time1 = week, phi = 0.9, data = syn), mods = ~ 0 + window,
               random = ~ week | study, struct = "CAR", data = syn)
cmat <- matrix(c(0, 0, 0, -1, 0, 0, 1), nrow = 1)
lc <- linear_contrast(fit9, vcov = "CR2", cluster = syn$study, contrasts = cmat)
synthetic$contrast <- list(phi = 0.9, c = un(cmat), est = un(lc$Est), se = un(lc$SE), df = un(lc$df),
                           ci_lb = un(lc$CI_L), ci_ub = un(lc$CI_U))
write_fixture("synthetic", synthetic)

# ---- meta-regression on course length (weeks of treatment) ------------------------------------------------------
# Invented trial-level effects (MD) with their sampling variances and course lengths.
mr <- list(
  distinct = data.frame(yi = c(-3.2, -8.1, -5.5, -14.4, -2.9, -12.3, -1.8),
                        vi = c(6.1, 9.4, 4.8, 12.2, 7.5, 5.3, 10.6),
                        x = c(3, 6, 5, 12, 8, 10, 4)),
  ties = data.frame(yi = c(-4.4, -9.2, -6.1, -11.0, -7.7, -3.0, -8.8, -5.2),
                    vi = c(5.2, 8.3, 6.6, 9.9, 4.4, 7.1, 10.5, 5.8),
                    x = c(4, 8, 4, 12, 8, 4, 12, 8))
)
metareg <- list()
for (nm in names(mr)) {
  d <- mr[[nm]]
  res <- rma(yi, vi, mods = ~ x, data = d, test = "knha")
  pt <- permutest(res, exact = TRUE, progbar = FALSE)
  metareg[[nm]] <- list(
    yi = d$yi, vi = d$vi, x = d$x,
    beta = un(res$beta), se = un(res$se), tval = un(res$zval), df = un(res$ddf), pval = un(res$pval),
    ci_lb = un(res$ci.lb), ci_ub = un(res$ci.ub), tau2 = un(res$tau2),
    perm_pval = un(pt$pval), perm_QMp = un(pt$QMp), permutations = NROW(pt$zval.perm)
  )
}
write_fixture("metareg", metareg)
cat("wrote", file.path(out_dir, c("ishak2007.json", "synthetic.json", "metareg.json")), "\n")
