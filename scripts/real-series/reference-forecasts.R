# Reference forecasts from the R forecast package (Hyndman's ets, auto.arima and thetaf) for the same
# histories and horizons real-series.mjs gives QBM's model. Usage: Rscript reference-forecasts.R
# tasks.json out.json. A gap is filled by na.interp, as the package's own documentation advises.
suppressMessages({
  library(forecast)
  library(jsonlite)
})
args <- commandArgs(trailingOnly = TRUE)
tasks <- fromJSON(args[1], simplifyVector = FALSE)
points <- function(f, h) {
  lapply(seq_len(h), function(i) {
    list(value = f$mean[i], lower80 = f$lower[i, 1], upper80 = f$upper[i, 1],
         lower95 = f$lower[i, 2], upper95 = f$upper[i, 2])
  })
}
methods <- list(
  ets = function(y, h) forecast(ets(y), h = h, level = c(80, 95)),
  `auto.arima` = function(y, h) forecast(auto.arima(y), h = h, level = c(80, 95)),
  thetaf = function(y, h) thetaf(y, h = h, level = c(80, 95))
)
result <- lapply(methods, function(method) {
  answers <- lapply(tasks, function(task) {
    y <- ts(vapply(task$values, function(v) if (is.null(v)) NA_real_ else v, 0), frequency = task$period)
    if (anyNA(y)) y <- na.interp(y)
    tryCatch(points(method(y, task$horizon), task$horizon), error = function(e) NULL)
  })
  names(answers) <- vapply(tasks, function(task) task$id, "")
  answers
})
write(toJSON(result, auto_unbox = TRUE, digits = NA), args[2])
