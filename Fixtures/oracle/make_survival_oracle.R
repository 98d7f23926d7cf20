# Reference values for Kaplan-Meier, its pointwise log-log confidence interval and the
# quantiles with their confidence intervals, computed independently with R's survival
# package (Debian r-cran-survival).
#
# Run from the repository root:  Rscript Fixtures/oracle/make_survival_oracle.R
# Writes Fixtures/oracle/survival_r.json. The Swift tests (KaplanMeierROracleTests and
# the demo comparison in DemoRunTests) read that JSON; they never run R.
#
# Every option is pinned here and recorded in the output:
#   survfit(Surv(time, event) ~ 1, conf.type = "log-log", conf.int = 0.95)
#   quantile(fit, probs = c(0, 0.5, 0.75, 0.9), conf.int = TRUE)   (default tolerance)
# Quantile probs are R's: 0.5 / 0.75 / 0.9 = the time by which 50 / 75 / 90 % had the event.
#
# Why probs start with 0: survival's findq() first returns NA for every prob when
# max(1 - S) < min(probs). That early exit is the only place where R's answer depends on
# which way the running product rounded: a curve that is exactly 0.5 from some time to the
# end of the data gives NA when 1 - S came out as 0.49999999999999989 and the midpoint when
# it came out as 0.5 (and the midpoint again when a smaller prob is asked in the same call).
# With 0 among the probs the early exit never fires and R's own tolerance rule decides,
# whichever way the product rounded. The plain one-prob call quantile(fit, p) is recorded
# too ("single_call_*"), so the tests can show that the two differ only where the curve
# ends exactly on the threshold.
#
# Exact arithmetic: for each dataset the steps where S(t) equals 1/2, 1/4 or 1/10 exactly
# are found with prime-exponent bookkeeping of the product of (n - d)/n (no rounding), and
# the script stops if R's tolerance test |(1 - S) - p| < sqrt(.Machine$double.eps) marks a
# different set of steps. The exact sets are written to the JSON ("exact_threshold_times").
#
# Output: numbers with 17 significant digits, NA / NaN / Inf -> null. No jsonlite needed.

suppressPackageStartupMessages(library(survival))

CONF_TYPE <- "log-log"
CONF_INT <- 0.95
PROBS <- c(0.5, 0.75, 0.9)
TOL <- sqrt(.Machine$double.eps)   # quantile.survfit's default tolerance
QUERY_TIMES <- c(-1, 0, 0.5, 1, 2.5, 7, 30, 57, 79.5, 90, 180, 1e6)

# ---------------------------------------------------------------- JSON writing
num <- function(x) {
  if (length(x) == 0) return("[]")
  s <- ifelse(is.finite(x), sprintf("%.17g", x), "null")
  if (length(s) == 1) s else paste0("[", paste(s, collapse = ","), "]")
}
nums <- function(x) paste0("[", paste(ifelse(is.finite(x), sprintf("%.17g", x), "null"), collapse = ","), "]")
str <- function(x) paste0("\"", gsub("\"", "\\\\\"", x), "\"")
bools <- function(x) paste0("[", paste(ifelse(x, "true", "false"), collapse = ","), "]")
obj <- function(...) {
  kv <- list(...)
  paste0("{", paste(paste0(str(names(kv)), ":", unlist(kv)), collapse = ","), "}")
}
arr <- function(items) paste0("[\n  ", paste(items, collapse = ",\n  "), "\n ]")

# ---------------------------------------------------------------- datasets
datasets <- list()
add <- function(name, time, event, note) {
  stopifnot(length(time) == length(event))
  datasets[[length(datasets) + 1]] <<- list(name = name, time = as.numeric(time),
                                            event = as.logical(event), note = note)
}

add("ties_events_and_censorings",
    c(1, 2, 2, 2, 3, 3, 4, 5, 5, 5, 6, 8),
    c(1, 1, 0, 1, 0, 1, 1, 1, 0, 0, 1, 0),
    "events and censorings at the same times; events happen first")
add("median_never_reached",
    1:12, c(1, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0),
    "few events, heavy censoring: S never comes down to 0.5")
add("single_event", 4, 1, "a group of one: an event")
add("single_censored", 4, 0, "a group of one: censored")
add("flat_half_gap",
    c(12, 30, 41, 57, 70, 90, 102, 150), c(1, 1, 1, 1, 0, 0, 1, 0),
    "8 subjects, 4 events then a gap: S = 0.5 from 57 to the next event at 102, median 79.5")
add("flat_half_to_end",
    1:8, c(1, 1, 1, 1, 0, 0, 0, 0),
    "8 subjects, 4 events then only censorings: S = 0.5 to the end, median (4 + 8)/2")
add("flat_half_uncensored",
    c(3, 1, 4, 1, 5, 9, 2, 6), rep(1, 8),
    "no censoring, 8 subjects: S = 0.5 from 3 to 4")
add("flat_half_rounded_above",
    c(1, 2, 2, 3, 3, 4, 5, 6, 7, 8), c(1, 1, 1, 1, 1, 0, 0, 0, 0, 0),
    "S = (9/10)(7/9)(5/7) = 1/2 exactly but the double product is 0.50000000000000011; flat to the end")
add("flat_half_rounded_above_then_event",
    c(1, 2, 2, 3, 3, 4, 5, 6, 7, 8), c(1, 1, 1, 1, 1, 0, 0, 1, 0, 1),
    "as flat_half_rounded_above (S = 1/2 from 3, double 0.50000000000000011) with a later event at 6: median 4.5")
add("flat_half_rounded_below",
    c(1, 2, 3, 3, 3, 4, 5, 6, 7, 8), c(1, 1, 1, 1, 1, 0, 0, 0, 0, 0),
    "S = (9/10)(8/9)(5/8) = 1/2 exactly, double product 0.49999999999999994; flat to the end")
add("flat_quarter",
    c(2, 4, 6, 8, 10, 12, 20, 31), c(1, 1, 1, 1, 1, 1, 0, 1),
    "8 subjects, 6 events: S = 0.25 from 12 to the next event at 31")
add("flat_quarter_rounded_above",
    c(1, 2, 2, 3, 3, 3, 4, 4, 5, 6), c(1, 1, 1, 1, 1, 0, 1, 1, 0, 0),
    "S = (9/10)(7/9)(5/7)(2/4) = 1/4 exactly, double 0.25000000000000006; flat to the end")
add("flat_tenth",
    c(1:18, 30, 40), c(rep(1, 18), 1, 0),
    "20 subjects, 18 events by 18: S = 0.1 from 18 to the next event at 30, p90 = 24")
add("flat_tenth_to_end",
    c(1:9, 12), c(rep(1, 9), 0),
    "10 subjects, 9 events then one censoring: S = 0.1 to the end, p90 = (9 + 12)/2")
add("flat_tenth_gap",
    c(1, 2, 3, 3, 3, 5, 8, 8, 9, 9, 9, 10, 11, 13, 14, 14, 15, 16, 19, 25),
    c(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1),
    "20 subjects, 18 events by 16 with ties: S = 0.1 from 16 to 25, a censoring at 19 in between")
add("all_censored", c(2, 3, 5, 7, 11), rep(0, 5), "no events: S = 1 throughout")
add("all_events_one_time", rep(5, 6), rep(1, 6), "six events at the same time: S drops from 1 to 0")
add("zero_time_events",
    c(0, 0, 0, 1, 1, 2, 3, 3, 4, 10), c(1, 1, 0, 1, 1, 0, 1, 0, 1, 0),
    "events on the day of knowledge (duration 0)")
add("last_is_event_small", c(1, 2, 2, 3), c(0, 1, 0, 1),
    "first step only a censoring (S = 1, no interval), last at risk has the event (S = 0)")

set.seed(20250620)
# Integer days from 0 to 200 with many ties, like the closure durations.
n <- 120
t_event <- pmin(200, floor(rexp(n, 1 / 60)))
t_cens <- sample(0:200, n, replace = TRUE)
add("integer_days_120", pmin(t_event, t_cens), as.integer(t_event <= t_cens),
    "n = 120 whole days 0..200, many ties, exports at random days")
n <- 80
t_event <- floor(rexp(n, 1 / 90))
t_cens <- floor(runif(n, 0, 60))
add("heavy_censoring_80", pmin(t_event, t_cens, 200), as.integer(t_event <= t_cens),
    "n = 80 whole days, about 70 % censored")
for (n in c(50, 300, 800, 2000)) {
  t_event <- floor(rweibull(n, shape = 1.3, scale = 40))
  t_cens <- floor(runif(n, 0, 200))
  t_cens[sample.int(n, n %/% 10)] <- 200      # a block followed to the end of the window
  tt <- pmin(t_event, t_cens, 200)
  add(sprintf("random_days_%d", n), tt, as.integer(t_event <= t_cens & t_event <= 200),
      sprintf("n = %d whole days 0..200, Weibull times, uniform censoring", n))
}

# ---------------------------------------------------------------- exact thresholds
factorize <- function(k) {
  out <- integer(0)
  p <- 2L
  while (k > 1L) {
    while (k %% p == 0L) { out <- c(out, p); k <- k %/% p }
    p <- p + 1L
  }
  out
}

# Times of the steps where the Kaplan-Meier product equals `target` (given as prime
# exponents) exactly, by prime-exponent arithmetic; also returns the same set decided by R's
# tolerance on the double curve, for the check.
exact_threshold_times <- function(fit, target) {
  maxn <- max(fit$n.risk, 5)
  e <- integer(maxn)
  zero <- FALSE
  hits <- numeric(0)
  goal <- integer(maxn)
  for (nm in names(target)) goal[as.integer(nm)] <- target[[nm]]
  for (i in seq_along(fit$time)) {
    d <- fit$n.event[i]; r <- fit$n.risk[i]
    if (d > 0) {
      if (r == d) zero <- TRUE
      else {
        for (p in factorize(as.integer(r - d))) e[p] <- e[p] + 1L
        for (p in factorize(as.integer(r))) e[p] <- e[p] - 1L
      }
    }
    if (d > 0 && !zero && all(e == goal)) hits <- c(hits, fit$time[i])
  }
  hits
}
targets <- list(list(p = 0.5, label = "1/2", exps = list("2" = -1L)),
                list(p = 0.75, label = "1/4", exps = list("2" = -2L)),
                list(p = 0.9, label = "1/10", exps = list("2" = -1L, "5" = -1L)))

# ---------------------------------------------------------------- per dataset
dataset_json <- function(ds) {
  fit <- survfit(Surv(ds$time, as.numeric(ds$event)) ~ 1,
                 conf.type = CONF_TYPE, conf.int = CONF_INT)
  stopifnot(isTRUE(fit$logse), fit$conf.type == CONF_TYPE, fit$conf.int == CONF_INT)
  steps <- vapply(seq_along(fit$time), function(i) obj(
    time = num(fit$time[i]), n_risk = num(fit$n.risk[i]), n_event = num(fit$n.event[i]),
    n_censor = num(fit$n.censor[i]), surv = num(fit$surv[i]),
    std_err = num(fit$std.err[i]), lower = num(fit$lower[i]), upper = num(fit$upper[i])), "")

  # S(t) at chosen times: the survfit step function (last step at or before t, S = 1
  # before the first), checked against summary(..., extend = TRUE); the interval is R's own
  # survfit_confint on that S and std.err, so S = 1 (log-log undefined) gives NA here too.
  # (summary.survfit itself shows 1/1 for times before the first observation, from the
  # time-0 row that survfit0 inserts; survfit's own columns are NA wherever S is 0 or 1.)
  idx <- findInterval(QUERY_TIMES, fit$time)
  s_at <- ifelse(idx == 0, 1, fit$surv[pmax(idx, 1)])
  se_at <- ifelse(idx == 0, 0, fit$std.err[pmax(idx, 1)])
  ci_at <- survival:::survfit_confint(s_at, se_at, logse = TRUE, conf.type = CONF_TYPE,
                                      conf.int = CONF_INT)
  inside <- QUERY_TIMES >= 0 & QUERY_TIMES <= max(fit$time)
  if (any(inside)) {
    sm <- summary(fit, times = QUERY_TIMES[inside], extend = TRUE)
    stopifnot(isTRUE(all.equal(sm$surv, s_at[inside], tolerance = 1e-15)))
  }
  at_times <- vapply(seq_along(QUERY_TIMES), function(i) obj(
    time = num(QUERY_TIMES[i]), surv = num(s_at[i]), lower = num(ci_at$lower[i]),
    upper = num(ci_at$upper[i])), "")

  if (all(!ds$event)) {
    # quantile.survfit needs a curve that moves; with no event every quantile and limit is NA.
    q <- list(quantile = rep(NA, 4), lower = rep(NA, 4), upper = rep(NA, 4))
  } else {
    q <- quantile(fit, probs = c(0, PROBS), conf.int = TRUE)
  }
  quants <- vapply(seq_along(PROBS), function(k) {
    single <- if (all(!ds$event)) list(quantile = NA, lower = NA, upper = NA)
              else quantile(fit, probs = PROBS[k], conf.int = TRUE)
    obj(p = num(PROBS[k]), quantile = num(unname(q$quantile[k + 1])),
        lower = num(unname(q$lower[k + 1])), upper = num(unname(q$upper[k + 1])),
        single_call_quantile = num(unname(single$quantile)),
        single_call_lower = num(unname(single$lower)),
        single_call_upper = num(unname(single$upper)))
  }, "")

  exact <- vapply(targets, function(tg) {
    hits <- exact_threshold_times(fit, tg$exps)
    by_tolerance <- fit$time[fit$n.event > 0 & abs((1 - fit$surv) - tg$p) < TOL]
    if (!identical(as.numeric(hits), as.numeric(by_tolerance)))
      stop(sprintf("%s: exact and tolerance disagree at %s", ds$name, tg$label))
    obj(p = num(tg$p), survival = str(tg$label), times = nums(hits))
  }, "")

  paste0("{\n \"name\": ", str(ds$name), ",\n \"note\": ", str(ds$note),
         ",\n \"times\": ", nums(ds$time), ",\n \"events\": ", bools(ds$event),
         ",\n \"steps\": ", arr(steps), ",\n \"at_times\": ", arr(at_times),
         ",\n \"quantiles\": ", arr(quants), ",\n \"exact_threshold_times\": ", arr(exact),
         "\n}")
}

# ---------------------------------------------------------------- demo groups
# The demo's durations (written by Fixtures/make_demo.py into demo_durations.csv) with R's
# median and its interval, for the pipeline's demo comparison.
script_dir <- local({
  arg <- grep("^--file=", commandArgs(FALSE), value = TRUE)
  if (length(arg)) dirname(normalizePath(sub("^--file=", "", arg[1]))) else "Fixtures/oracle"
})
demo_json <- "[]"
demo_path <- file.path(script_dir, "demo_durations.csv")
if (file.exists(demo_path)) {
  demo <- read.csv(demo_path, stringsAsFactors = FALSE)
  keys <- unique(demo[, c("group", "metric")])
  items <- vapply(seq_len(nrow(keys)), function(i) {
    rows <- demo[demo$group == keys$group[i] & demo$metric == keys$metric[i], ]
    fit <- survfit(Surv(rows$time, rows$event) ~ 1, conf.type = CONF_TYPE, conf.int = CONF_INT)
    q <- if (any(rows$event == 1)) quantile(fit, probs = c(0, 0.5), conf.int = TRUE)
         else list(quantile = c(NA, NA), lower = c(NA, NA), upper = c(NA, NA))
    # Whole-day data is often flat at exactly 0.5: check tolerance against exact arithmetic here too.
    hits <- exact_threshold_times(fit, targets[[1]]$exps)
    by_tolerance <- fit$time[fit$n.event > 0 & abs((1 - fit$surv) - 0.5) < TOL]
    if (!identical(as.numeric(hits), as.numeric(by_tolerance)))
      stop(sprintf("demo %s %s: exact and tolerance disagree at 1/2", keys$group[i], keys$metric[i]))
    obj(group = str(keys$group[i]), metric = str(keys$metric[i]), n = num(nrow(rows)),
        events = num(sum(rows$event)), median = num(unname(q$quantile[2])),
        median_lower = num(unname(q$lower[2])), median_upper = num(unname(q$upper[2])))
  }, "")
  demo_json <- arr(items)
}

out <- paste0(
  "{\n\"generated_by\": \"Fixtures/oracle/make_survival_oracle.R\",\n",
  "\"r_version\": ", str(R.version.string), ",\n",
  "\"survival_version\": ", str(as.character(packageVersion("survival"))), ",\n",
  "\"options\": ", obj(conf_type = str(CONF_TYPE), conf_int = num(CONF_INT),
                       tolerance = num(TOL), probs = nums(PROBS),
                       quantile_call = str("quantile(fit, probs = c(0, 0.5, 0.75, 0.9), conf.int = TRUE)"),
                       single_call = str("quantile(fit, probs = p, conf.int = TRUE)")), ",\n",
  "\"datasets\": [\n", paste(vapply(datasets, dataset_json, ""), collapse = ",\n"), "\n],\n",
  "\"demo\": ", demo_json, "\n}\n")
path <- file.path(script_dir, "survival_r.json")
writeLines(out, path, sep = "")
cat("survival", as.character(packageVersion("survival")), "- wrote", path, "\n")
