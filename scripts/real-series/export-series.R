# Real series from R's own datasets package (no download), written as JSON to stdout: one object per
# series with the frequency QBM lays it on, its start (in years, for monthly to yearly data) and its
# values (null where R has NA). Series whose own step is not one of QBM's five frequencies (minutes,
# business days, unknown) are laid on the daily calendar; no weekly series is available here.
out <- list()
add <- function(name, x, frequency, calendar = "own") {
  out[[length(out) + 1]] <<- list(name = name, frequency = frequency, calendar = calendar,
                                  start = tsp(x)[1], values = as.numeric(x))
}
for (n in c("AirPassengers", "co2", "nottem", "UKDriverDeaths", "USAccDeaths", "ldeaths", "mdeaths", "fdeaths")) {
  add(n, get(n), "monthly")
}
add("sunspot.month 1900-1949", window(sunspot.month, start = 1900, end = c(1949, 12)), "monthly")
# Seatbelts[, "drivers"] is UKDriverDeaths itself.
for (column in c("DriversKilled", "front", "rear")) add(paste0("Seatbelts ", column), Seatbelts[, column], "monthly")
for (n in c("UKgas", "JohnsonJohnson", "austres", "presidents")) add(n, get(n), "quarterly")
for (n in c("Nile", "lynx", "LakeHuron", "nhtemp", "airmiles", "sunspot.year", "discoveries")) add(n, get(n), "yearly")
add("treering, last 200 years", ts(tail(as.numeric(treering), 200), start = 1780), "yearly")
add("longley GNP", ts(longley$GNP, start = 1947), "yearly")
add("airquality Temp", ts(airquality$Temp), "daily")
add("airquality Ozone", ts(airquality$Ozone), "daily")
add("WWWusage", WWWusage, "daily", "per minute")
add("BJsales", BJsales, "daily", "unknown step")
for (column in colnames(EuStockMarkets)) {
  add(paste0("EuStockMarkets ", column, ", last 400"), ts(tail(as.numeric(EuStockMarkets[, column]), 400)),
      "daily", "business days")
}
json_value <- function(v) if (is.na(v)) "null" else format(v, digits = 15, trim = TRUE)
objects <- vapply(out, function(o) {
  sprintf('{"name":"%s","frequency":"%s","calendar":"%s","start":%s,"values":[%s]}', o$name, o$frequency,
          o$calendar, format(o$start, digits = 15), paste(vapply(o$values, json_value, ""), collapse = ","))
}, "")
cat("[", paste(objects, collapse = ","), "]\n", sep = "")
