# R half of the comparisons oracle; run by make_comparisons_oracle.py, not by hand:
#   Rscript make_comparisons_oracle.R input.json output.json
# Reads the datasets the Python half generated and writes R's figures:
#   - survival::survfit + summary(times=, extend=TRUE): S(t) and std.err per group
#     (conf.type = "log-log"; the band itself is not used here, only surv/std.err);
#   - survival::survdiff (rho = 0): unstratified and strata(school), chisq, obs, exp;
#   - stats::mantelhaen.test(correct = FALSE) on 2x2xK arrays;
#   - stats::fisher.test(alternative = "two.sided") on 2x2 tables;
#   - epiR::epi.2by2(method = "cohort.count", units = 1): RR.mh.wald (Mantel-Haenszel
#     risk ratio, Greenland-Robins variance) and ARisk.mh.sato (Mantel-Haenszel risk
#     difference, Sato variance).
suppressMessages({
  library(jsonlite)
  library(survival)
  library(epiR)
})
args <- commandArgs(trailingOnly = TRUE)
input <- fromJSON(args[1], simplifyVector = TRUE, simplifyDataFrame = FALSE, simplifyMatrix = FALSE)
level <- input$level

num <- function(x) { x <- as.numeric(x); if (length(x) == 0 || !is.finite(x)) NULL else x }

# 2x2xK array with rows (group, reference) and columns (success, failure).
strata_array <- function(strata) {
  cells <- unlist(lapply(strata, function(s) c(s[1], s[3], s[2] - s[1], s[4] - s[3])))
  array(as.numeric(cells), dim = c(2, 2, length(strata)))
}

fisher <- lapply(input$fisher, function(t) {
  m <- matrix(as.numeric(t), nrow = 2, byrow = TRUE)   # [[a, b], [c, d]]
  list(p_value = fisher.test(m, alternative = "two.sided")$p.value)
})

stratified <- lapply(input$stratified, function(set) {
  usable <- Filter(function(s) s[2] > 0 && s[4] > 0, set$strata)
  arr <- strata_array(usable)
  mh <- mantelhaen.test(arr, correct = FALSE)
  epi <- suppressWarnings(epi.2by2(arr, method = "cohort.count", conf.level = level, units = 1))
  rr <- epi$massoc.detail$RR.mh.wald
  rd <- epi$massoc.detail$ARisk.mh.sato
  list(cmh_statistic = num(mh$statistic), cmh_p_value = num(mh$p.value),
       rr = c(num(rr$est), num(rr$lower), num(rr$upper)),
       rd = c(num(rd$est), num(rd$lower), num(rd$upper)))
})

curves <- lapply(input$curves, function(set) {
  d <- data.frame(time = set$time, event = as.integer(set$event),
                  group = factor(ifelse(set$group == 1, "group", "reference"),
                                 levels = c("group", "reference")),
                  school = set$school)
  at <- function(which) {
    sub <- d[d$group == which, ]
    s <- summary(survfit(Surv(time, event) ~ 1, data = sub, conf.type = "log-log"),
                 times = set$queries, extend = TRUE)
    list(time = s$time, surv = s$surv, std_err = ifelse(is.nan(s$std.err), NA, s$std.err))
  }
  pooled <- survdiff(Surv(time, event) ~ group, data = d, rho = 0)
  strat <- suppressWarnings(survdiff(Surv(time, event) ~ group + strata(school), data = d, rho = 0))
  sobs <- if (is.matrix(strat$obs)) rowSums(strat$obs) else strat$obs
  sexp <- if (is.matrix(strat$exp)) rowSums(strat$exp) else strat$exp
  list(group = at("group"), reference = at("reference"),
       logrank = list(chisq = pooled$chisq,
                      p_value = pchisq(pooled$chisq, 1, lower.tail = FALSE),
                      observed = pooled$obs, expected = pooled$exp),
       stratified_logrank = list(chisq = strat$chisq,
                                 p_value = pchisq(strat$chisq, 1, lower.tail = FALSE),
                                 observed = sobs, expected = sexp))
})

out <- list(r_version = R.version.string,
            survival_version = as.character(packageVersion("survival")),
            epir_version = as.character(packageVersion("epiR")),
            fisher = fisher, stratified = stratified, curves = curves)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, na = "null", null = "null"), args[2])
