# Reference values for the project's own distribution functions (src/lib/stats/normal.ts, student-t.ts,
# chisquare.ts and special/), computed with base R's nmath (pnorm, qnorm, pt, qt, pchisq, qchisq, pgamma, pbeta,
# lgamma) over grids that reach the far tails, tiny and huge degrees of freedom and non-integer df.
#
# Run from the repository root:   Rscript tests/reference/distributions.R
# Writes tests/fixtures/stats/distributions-grid.json at full precision (jsonlite digits = NA: 15 significant digits). Non-finite values are
# written as the strings "Inf", "-Inf" and "NaN" (JSON has no infinities). Read by
# tests/unit/stats/distributions-grid.test.ts.
library(jsonlite)

enc <- function(v) lapply(as.numeric(v), function(z) if (is.finite(z)) z else as.character(z))
# R's qt is approximate for df < 1 and small tail probabilities: qt(1e-12, 0.5, lower.tail = FALSE) is 1e-4 off (R's
# own pt of it gives 9.9995e-13) and qt(1e-100, 0.5, lower.tail = FALSE) overflows to Inf although the quantile is
# 1.03e199. A quantile of R's that R's own pt does not map back to the probability within 1e-12 (relative) is written
# as null, and the test checks those cases by the round trip through pt (itself checked against R above) instead.
qt_ref <- function(q, d, lower) {
  v <- qt(q, d, lower.tail = lower)
  tail <- min(q, 1 - q)
  if (tail == 0.5) return(0) # the median of t; R gives 2.6e-16 for df = 0.5
  if (tail == 0) return(v)
  if (!is.finite(v)) return(if (pt(.Machine$double.xmax, d, lower.tail = FALSE) < tail) NA else v)
  if (abs(pt(v, d, lower.tail = lower) / q - 1) > 1e-12) NA else v
}
grid <- function(f, rows, cols) lapply(rows, function(r) enc(sapply(cols, function(c) f(c, r))))

p <- c(1e-300, 1e-100, 1e-20, 1e-12, 1e-8, 1e-5, 0.001, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.4, 0.45,
       0.4999, 0.5, 0.5001, 0.6, 0.75, 0.9, 0.95, 0.975, 0.99, 0.999, 1 - 1e-6)
df <- c(0.5, 1, 1.5, 2, 3, 4.7, 7, 12, 30, 99.5, 1000, 1e5)
tx <- c(-1e3, -40, -8, -3, -1.5, -0.3, -1e-5, 0, 1e-8, 0.4, 1.1, 2.5, 6, 15, 100, 1e6)
zx <- c(-38, -30, -20, -10, -5, -2, -1, -0.1, 0, 1e-10, 0.3, 1.5, 3, 8.5, 20, 37)
cx <- c(1e-10, 1e-3, 0.1, 0.7, 1, 2.5, 5, 11, 30, 100, 500, 3000, 1e5)
lg <- c(1e-300, 1e-10, 0.001, 0.1, 0.5, 0.9, 1, 1.0001, 1.5, 2, 2.5, 3.3, 7, 14.99, 15, 15.01, 50, 171.5,
        1e4, 1e10, 1e100, -0.5, -2.5, -10.3)
ga <- c(0.05, 0.5, 1, 3.3, 10, 100, 2500)
gx <- c(1e-5, 0.1, 1, 3, 9.5, 30, 100, 1000, 3000)
ba <- c(0.5, 1, 2.5, 20, 300)
bx <- c(1e-6, 0.01, 0.2, 0.5, 0.8, 0.99, 1 - 1e-6)

out <- list(
  generated_by = "tests/reference/distributions.R",
  R = R.version.string,
  jsonlite = as.character(packageVersion("jsonlite")),
  p = p, df = df, t_x = tx, z_x = zx, chisq_x = cx,
  pnorm = enc(pnorm(zx)), pnorm_upper = enc(pnorm(zx, lower.tail = FALSE)),
  qnorm = enc(qnorm(p)), qnorm_upper = enc(qnorm(p, lower.tail = FALSE)),
  # rows: df; columns: p or x
  pt = grid(function(x, d) pt(x, d), df, tx),
  pt_upper = grid(function(x, d) pt(x, d, lower.tail = FALSE), df, tx),
  qt = grid(function(q, d) qt_ref(q, d, TRUE), df, p),
  qt_upper = grid(function(q, d) qt_ref(q, d, FALSE), df, p),
  pchisq = grid(function(x, d) pchisq(x, d), df, cx),
  pchisq_upper = grid(function(x, d) pchisq(x, d, lower.tail = FALSE), df, cx),
  qchisq = grid(function(q, d) qchisq(q, d), df, p),
  qchisq_upper = grid(function(q, d) qchisq(q, d, lower.tail = FALSE), df, p),
  lgamma = list(x = lg, value = enc(lgamma(lg))),
  # regularised incomplete gamma P(a, x) and Q(a, x): rows a, columns x
  gamma = list(a = ga, x = gx,
               lower = grid(function(x, a) pgamma(x, a), ga, gx),
               upper = grid(function(x, a) pgamma(x, a, lower.tail = FALSE), ga, gx)),
  # regularised incomplete beta I_x(a, b): rows a (b runs over the same values inside), columns x
  beta = list(a = ba, b = ba, x = bx,
              lower = lapply(ba, function(a) lapply(ba, function(b) enc(pbeta(bx, a, b)))),
              upper = lapply(ba, function(a) lapply(ba, function(b) enc(pbeta(bx, a, b, lower.tail = FALSE)))))
)
dir.create(file.path("tests", "fixtures", "stats"), recursive = TRUE, showWarnings = FALSE)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA),
           file.path("tests", "fixtures", "stats", "distributions-grid.json"))
