# Reference fixture for the bundled data: for each estimator and test, take the study inputs that
# `npm run summarize -- --json` lists, recompute yi/vi with escalc() (arm-level rows) and refit with rma().
# Writes tests/fixtures/bundled/metafor.json. Run from the project root: Rscript tests/reference/bundled.R
suppressPackageStartupMessages({ library(metafor); library(jsonlite) })
num <- function(x) as.numeric(unlist(x))
fits <- list()
for (m in c("REML", "DL", "PM", "FE")) for (test in c("z", "knha", "adhoc")) {
  out <- system2("npm", c("run", "--silent", "summarize", "--", "--json", "--method", m, "--test", test), stdout = TRUE)
  s <- fromJSON(paste(out, collapse = "\n"), simplifyVector = FALSE)
  for (a in s$analyses) {
    st <- a$studies
    get <- function(name) num(lapply(st, function(x) if (is.null(x[[name]])) NA else x[[name]]))
    yi <- get("yi"); vi <- get("vi")
    arms <- vapply(st, function(x) identical(x$from, "arms"), logical(1))
    if (any(arms)) {
      es <- if (a$measure %in% c("MD", "SMD"))
        escalc(measure = a$measure, m1i = get("m1i"), sd1i = get("sd1i"), n1i = get("n1i"),
               m2i = get("m2i"), sd2i = get("sd2i"), n2i = get("n2i"))
      else escalc(measure = sub("^log", "", a$measure), ai = get("ai"), bi = get("n1i") - get("ai"),
                  ci = get("ci"), di = get("n2i") - get("ci"))
      yi[arms] <- es$yi[arms]; vi[arms] <- es$vi[arms]
    }
    fit <- rma(yi, vi, method = a$method, test = test)
    p <- predict(fit)
    fits[[length(fits) + 1]] <- list(
      id = a$id, method = m, test = test, method_used = a$method, k = fit$k,
      yi = yi, vi = vi, estimate = as.numeric(fit$beta), se = fit$se, ci_lower = fit$ci.lb, ci_upper = fit$ci.ub,
      pi_lower = if (is.null(p$pi.lb)) p$ci.lb else p$pi.lb, pi_upper = if (is.null(p$pi.ub)) p$ci.ub else p$pi.ub,
      p = fit$pval, tau2 = fit$tau2, i2 = fit$I2, h2 = fit$H2, q = fit$QE, q_p = fit$QEp,
      weights = as.numeric(weights(fit)))
  }
}
dir.create("tests/fixtures/bundled", showWarnings = FALSE, recursive = TRUE)
write_json(list(source = "tests/reference/bundled.R", r = R.version.string,
                metafor = as.character(packageVersion("metafor")), fits = fits),
           "tests/fixtures/bundled/metafor.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
cat("wrote", length(fits), "fits\n")
