# Refits the bundled time course (the `time_course` member of `npm run summarize -- --json`) with metafor's
# rma.mv + vcalc and clubSandwich's CR2 (robust(clubSandwich = TRUE)) for every rho of the sensitivity analysis,
# and prints the largest relative difference from the dashboard. Run from the project root:
#   Rscript tests/reference/time-course-bundled.R
# Exits 1 when a fit differs by more than 1e-6 (relative, or absolute below 1) while metafor's restricted
# log-likelihood is higher than the dashboard's by more than 1e-6 (a flat likelihood may move the optimum, not improve it).
suppressPackageStartupMessages({ library(metafor); library(clubSandwich); library(jsonlite) })
num <- function(x) as.numeric(unlist(x))
# ---- time course (NMA.md section 4): rma.mv with vcalc and CR2 (clubSandwich), for every rho of the sensitivity analysis
refit_time_course <- function(tc) {
  out <- list()
  for (x in tc) {
    if (length(x$sensitivity) == 0) next
    d <- data.frame(study = vapply(x$rows, function(r) r$study_id, ""), week = num(lapply(x$rows, `[[`, "week")),
                    yi = num(lapply(x$rows, `[[`, "yi")), vi = num(lapply(x$rows, `[[`, "vi")))
    d$window <- droplevels(cut(d$week, breaks = c(0, 3, 5, 7, 10, 17, 39, Inf), right = TRUE,
                               labels = c(2, 4, 6, 8, 12, 26, 52)))
    for (s in x$sensitivity) {
      V <- vcalc(vi, cluster = study, time1 = week, phi = s$phi, data = d)
      m <- rma.mv(yi, V, mods = ~ 0 + window, random = ~ week | study, struct = "CAR", data = d)
      # metafor's robust() needs more clusters than fixed effects; the dashboard then shows no robust interval.
      rb <- if (length(unique(d$study)) > length(m$beta)) robust(m, cluster = d$study, clubSandwich = TRUE) else NULL
      wk <- as.numeric(levels(d$window))
      for (w in s$weeks) {
        j <- match(w$week, wk)
        r <- c(estimate = as.numeric(m$beta[j]), se = m$se[j], ci_lower = m$ci.lb[j], ci_upper = m$ci.ub[j])
        if (!is.null(rb)) r <- c(r, robust_ci_lower = rb$ci.lb[j], robust_ci_upper = rb$ci.ub[j], robust_df = rb$ddf[j])
        if (is.null(rb) && !is.null(w$robust_df)) stop("the dashboard gives a robust interval where metafor gives none")
        mine <- num(w[names(r)])
        rel <- abs(r - mine) / pmax(abs(r), 1)
        out[[length(out) + 1]] <- data.frame(comparison = x$comparison, phi = s$phi, week = w$week,
          estimate = r[["estimate"]], ci_lower = r[["ci_lower"]], ci_upper = r[["ci_upper"]],
          tau2 = m$tau2, rho = m$rho, loglik_gain = as.numeric(logLik(m)) - s$loglik, max_rel_diff = max(rel))
      }
    }
  }
  if (length(out)) do.call(rbind, out) else NULL
}

out <- system2("npm", c("run", "--silent", "summarize", "--", "--json"), stdout = TRUE, stderr = FALSE)
summary <- fromJSON(paste(out, collapse = "\n"), simplifyVector = FALSE)
res <- refit_time_course(summary$time_course)
print(res, digits = 6, row.names = FALSE)
bad <- res$max_rel_diff > 1e-6 & res$loglik_gain > 1e-6
cat(sprintf("\nmetafor %s, clubSandwich %s: largest relative difference = %.2e; largest logLik gain of metafor = %.2e; fits worse than metafor = %d\n",
            packageVersion("metafor"), packageVersion("clubSandwich"), max(res$max_rel_diff), max(res$loglik_gain), sum(bad)))
if (any(bad)) quit(status = 1)
