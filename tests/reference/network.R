# Reference values for src/lib/stats/network (network meta-analysis), computed with R's metafor rma.mv.
#
# Run from the repository root:   Rscript tests/reference/network.R
# Needs R 4, metafor (3.8-1), metadat and jsonlite (Debian: r-cran-metafor r-cran-metadat r-cran-jsonlite).
# Writes tests/fixtures/network/{stowe2010,senn2013,synthetic}.json at full precision (jsonlite digits = NA).
#
# Model (NMA.md section 1): every study contributes the contrasts of its arms against one reference arm, with
# within-study covariance var = v_j + v_ref, cov = v_ref (v = sd^2 / n of an arm mean); mods = the treatment
# columns (+1 for the arm's treatment, -1 for the study reference's), no intercept; random effects
# random = ~ comp | study with rho = 1/2 (compound symmetry: tau^2 on the diagonal, tau^2 / 2 between contrasts of
# one study). Fits: common effect (method = "EE"), REML, and tau^2 fixed at a given value. Design-by-treatment
# interaction (Higgins et al. 2012): common-effect Q of the model with one parameter per design x comparison, and
# at a fixed tau^2 the Wald test of the extra design columns (equal to Q(consistency) - Q(inconsistency)).
# The unit tests in tests/unit/stats/network*.test.ts compare the TypeScript engine with these values at 1e-6.

suppressPackageStartupMessages({ library(metafor); library(metadat) })
library(jsonlite)

out_dir <- file.path("tests", "fixtures", "network")
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)
provenance <- list(
  generated_by = "tests/reference/network.R",
  R = R.version.string,
  metafor = as.character(packageVersion("metafor")),
  metadat = as.character(packageVersion("metadat")),
  jsonlite = as.character(packageVersion("jsonlite"))
)
write_fixture <- function(name, x) {
  writeLines(toJSON(c(list(provenance = provenance), x), auto_unbox = TRUE, digits = NA, na = "null"),
             file.path(out_dir, paste0(name, ".json")))
}

# arms: data.frame(study, treatment, mean, sd, n), one row per arm, a study's arms in their listed order.
# Each study's reference arm is the network reference if the study has it, else its first arm.
contrasts <- function(arms, reference) {
  rows <- list(); blocks <- list()
  for (s in unique(arms$study)) {
    a <- arms[arms$study == s, ]
    v <- a$sd^2 / a$n
    r <- if (reference %in% a$treatment) which(a$treatment == reference) else 1
    o <- setdiff(seq_len(nrow(a)), r)
    V <- matrix(v[r], length(o), length(o)); diag(V) <- v[o] + v[r]
    blocks[[length(blocks) + 1]] <- V
    rows[[length(rows) + 1]] <- data.frame(study = s, t = a$treatment[o], ref = a$treatment[r],
                                           yi = a$mean[o] - a$mean[r],
                                           design = paste(sort(a$treatment), collapse = ":"))
  }
  d <- do.call(rbind, rows)
  d$comp <- paste(d$t, d$ref, sep = " vs ")
  list(data = d, V = as.matrix(Matrix::bdiag(blocks)))
}

# Treatment columns: +1 for the contrast's treatment, -1 for its reference (the network reference has no column).
design_matrix <- function(d, treatments) {
  X <- t(sapply(seq_len(nrow(d)), function(i) (treatments == d$t[i]) - (treatments == d$ref[i])))
  colnames(X) <- treatments
  X
}

# All ordered pairs (a, b), a != b, over c(reference, treatments): the effect of a versus b, its SE, CI and PI.
league <- function(fit, reference, treatments) {
  all <- c(reference, treatments)
  pairs <- expand.grid(a = all, b = all, stringsAsFactors = FALSE)
  pairs <- pairs[pairs$a != pairs$b, ]
  L <- t(sapply(seq_len(nrow(pairs)), function(i) (treatments == pairs$a[i]) - (treatments == pairs$b[i])))
  pr <- predict(fit, newmods = L)
  lapply(seq_len(nrow(pairs)), function(i) list(
    a = pairs$a[i], b = pairs$b[i], estimate = pr$pred[i], se = pr$se[i],
    ci = list(lower = pr$ci.lb[i], upper = pr$ci.ub[i]),
    pi = if (is.null(pr$pi.lb)) list(lower = pr$ci.lb[i], upper = pr$ci.ub[i])
         else list(lower = pr$pi.lb[i], upper = pr$pi.ub[i])))
}

model_out <- function(fit, reference, treatments) {
  list(tau2 = if (is.null(fit$tau2)) 0 else fit$tau2,
       estimate = unname(as.numeric(fit$beta)), se = unname(fit$se),
       vcov = unname(vcov(fit)),
       q = fit$QE, q_df = fit$k - fit$p, q_p = fit$QEp,
       league = league(fit, reference, treatments))
}

analyse <- function(name, source, arms, reference, fixed_tau2) {
  cd <- contrasts(arms, reference)
  d <- cd$data; V <- cd$V
  treatments <- sort(setdiff(unique(arms$treatment), reference))
  X <- design_matrix(d, treatments)
  ee <- rma.mv(d$yi, V, mods = X, intercept = FALSE, method = "EE")
  reml <- rma.mv(d$yi, V, mods = X, intercept = FALSE, random = ~ comp | study, rho = 1/2, data = d)
  fixed <- rma.mv(d$yi, V, mods = X, intercept = FALSE, random = ~ comp | study, rho = 1/2, tau2 = fixed_tau2,
                  data = d)
  # design-by-treatment interaction
  dc <- factor(paste(d$design, d$comp))
  inc <- rma.mv(d$yi, V, mods = ~ 0 + dc, method = "EE")
  Xi <- cbind(X, model.matrix(~ 0 + dc))
  both <- suppressWarnings(rma.mv(d$yi, V, mods = Xi, intercept = FALSE, random = ~ comp | study, rho = 1/2,
                                  tau2 = fixed_tau2, data = d))
  extra <- which(!(names(coef(both)) %in% treatments))
  wald <- anova(both, btt = extra)
  write_fixture(name, list(
    source = source, measure = "MD", reference = reference, treatments = treatments, arms = arms,
    k = length(unique(d$study)), contrasts = nrow(d),
    common = model_out(ee, reference, treatments),
    reml = model_out(reml, reference, treatments),
    fixed = model_out(fixed, reference, treatments),
    design_by_treatment = list(
      designs = length(unique(d$design)),
      q_inconsistency = inc$QE, q_inconsistency_df = inc$k - inc$p,
      q_between = ee$QE - inc$QE, q_between_df = (ee$k - ee$p) - (inc$k - inc$p),
      random_at_fixed_tau2 = list(tau2 = fixed_tau2, q = wald$QM, df = wald$QMdf[1], p = wald$QMp))))
}

# ---- Stowe 2010 (Parkinson's disease, UPDRS change, 29 studies, one three-arm study) -----------------------------
s <- dat.stowe2010
stowe <- do.call(rbind, lapply(1:3, function(j) data.frame(
  study = s$study, treatment = s[[paste0("t", j)]], mean = s[[paste0("y", j)]],
  sd = s[[paste0("sd", j)]], n = s[[paste0("n", j)]], stringsAsFactors = FALSE)))
stowe <- stowe[!is.na(stowe$mean), ]
stowe <- stowe[order(match(stowe$study, s$study)), ]
analyse("stowe2010", "metadat dat.stowe2010 (Stowe et al. 2010, Cochrane review), MD of UPDRS change",
        stowe, "Placebo", 0.15)

# ---- Senn 2013 (diabetes, HbA1c, 26 studies, 10 treatments, one three-arm study) ----------------------------------
sn <- dat.senn2013
senn <- data.frame(study = sn$study, treatment = sn$treatment, mean = sn$mi, sd = sn$sdi, n = sn$ni,
                   stringsAsFactors = FALSE)
analyse("senn2013", "metadat dat.senn2013 (Senn et al. 2013), MD of HbA1c (escalc 'MN' variances sd^2 / n)",
        senn, "placebo", 0.1)

# ---- Synthetic: 4 treatments, a three-arm study, a loop closed by two-arm studies (numbers invented) ------------
syn <- data.frame(
  study = c("S1", "S1", "S2", "S2", "S3", "S3", "S4", "S4", "S4", "S5", "S5", "S6", "S6", "S7", "S7", "S8", "S8"),
  treatment = c("A", "B", "A", "B", "A", "C", "A", "B", "C", "B", "C", "C", "D", "A", "D", "B", "D"),
  mean = c(50, 42, 48, 44, 52, 40, 49, 45, 39, 41, 43, 44, 37, 51, 46, 40, 35),
  sd = c(20, 21, 18, 19, 22, 20, 19, 18, 21, 17, 20, 19, 18, 23, 21, 20, 19),
  n = c(60, 61, 45, 44, 80, 78, 120, 118, 121, 50, 52, 40, 41, 70, 69, 35, 36),
  stringsAsFactors = FALSE)
analyse("synthetic", "constructed in tests/reference/network.R (4 treatments, three-arm study S4)",
        syn, "A", 8)
cat("wrote", file.path(out_dir, c("stowe2010.json", "senn2013.json", "synthetic.json")), "\n")
