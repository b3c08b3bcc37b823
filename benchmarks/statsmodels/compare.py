#!/usr/bin/python3
"""Side-by-side of Debian's python3-statsmodels on the origins `autoscaler-sim backtest` uses.

For one trace: lay it on its dominant interval (the last sample in [t, t + step), NaN where a bucket is empty,
as Core's SeriesResampler.ToGridValues does), take origins every --step from the first one with --history
behind it (the trace's midpoint when the trace is shorter than twice --history, as the backtest verb does),
fit each model on the grid points strictly before the origin (at most --history of them, gaps interpolated
linearly since statsmodels takes no NaN) and score p50 MAE on every grid point in (origin, origin + horizon].
Prints MAE and processor time per origin per model, and writes every forecast to --out.

  /usr/bin/python3 benchmarks/statsmodels/compare.py --trace ../shared/data/traces/nyc_taxi_passengers_30min.csv \
      --horizon 30m --step 24h --history 14d --out out/nyc-statsmodels.csv
"""
import argparse
import csv
import math
import re
import sys
import time
import warnings
from collections import Counter
from datetime import datetime, timedelta, timezone

import numpy as np
from statsmodels.tsa.holtwinters import ExponentialSmoothing
from statsmodels.tsa.forecasting.stl import STLForecast
from statsmodels.tsa.arima.model import ARIMA


def duration(text):
    total = 0
    for number, unit in re.findall(r"(\d+)([smhd])", text):
        total += int(number) * {"s": 1, "m": 60, "h": 3600, "d": 86400}[unit]
    if total <= 0:
        raise argparse.ArgumentTypeError(f"'{text}' is not a duration such as 30m, 1h, 14d")
    return timedelta(seconds=total)


def read_trace(path):
    times, values = [], []
    with open(path, newline="") as f:
        for row in csv.reader(f):
            if not row or row[0].startswith("#") or row[0].strip().lower() in ("timestamp", "time"):
                continue
            times.append(datetime.fromisoformat(row[0].strip().replace("Z", "+00:00")).astimezone(timezone.utc))
            values.append(float(row[1]))
    order = sorted(range(len(times)), key=lambda i: times[i])
    return [times[i] for i in order], [values[i] for i in order]


def grid(times, values):
    step = Counter(b - a for a, b in zip(times, times[1:]) if b > a).most_common(1)[0][0]
    start = times[0]
    n = int((times[-1] - start) / step) + 1
    y = np.full(n, np.nan)
    for t, v in zip(times, values):
        y[int((t - start) / step)] = v
    return start, step, y


def align_up(t, step):
    epoch = datetime(1, 1, 1, tzinfo=timezone.utc)
    ticks = (t - epoch) // timedelta(microseconds=1)
    unit = step // timedelta(microseconds=1)
    return t if ticks % unit == 0 else epoch + timedelta(microseconds=ticks + unit - ticks % unit)


def origins(start, step, n, args):
    last = start + step * (n - 1)
    first = align_up(start + args.history if last - start >= 2 * args.history else start + (last - start) / 2, args.step)
    result, o = [], first
    while o <= last - args.horizon:
        result.append(o)
        o += args.step
    return result


def holt_winters(history, leads, period):
    model = ExponentialSmoothing(history, trend="add", damped_trend=True, seasonal="add", seasonal_periods=period,
                                 initialization_method="heuristic" if len(history) >= 2 * period + 10 else "estimated")
    return model.fit(optimized=True).forecast(leads)


def stl_arima(history, leads, period):
    model = STLForecast(history, ARIMA, model_kwargs={"order": (1, 0, 0), "trend": "c"}, period=period, robust=True)
    return model.fit().forecast(leads)


MODELS = {"statsmodels-holt-winters": holt_winters, "statsmodels-stl-arima": stl_arima}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--trace", required=True)
    parser.add_argument("--horizon", type=duration, required=True)
    parser.add_argument("--step", type=duration, required=True)
    parser.add_argument("--history", type=duration, default=timedelta(days=14))
    parser.add_argument("--out", required=True)
    parser.add_argument("--max-origins", type=int, default=0, help="stop after the first N origins (0: all)")
    parser.add_argument("--every", type=int, default=1, help="take every Nth origin (spreads a cheap run over the trace)")
    parser.add_argument("--models", default=",".join(MODELS), help=f"comma-separated subset of {', '.join(MODELS)}")
    parser.add_argument("--rescore", help="score the forecasts CSV of an earlier run (e.g. one cut by a time limit) instead of "
                                          "fitting again: only origins with every target written count")
    parser.add_argument("--ours", help="forecasts CSV written by `autoscaler-sim backtest --out` with the same options: "
                                       "its models are scored on the same origins and targets")
    args = parser.parse_args()

    start, step, y = grid(*read_trace(args.trace))
    unknown = [m for m in args.models.split(",") if m not in MODELS]
    if unknown:
        parser.error(f"unknown model(s) {', '.join(unknown)}; choose from {', '.join(MODELS)}")
    models = {name: MODELS[name] for name in args.models.split(",")}
    scores = {name: [0.0, 0, 0.0, 0, 0] for name in models}  # abs error, targets, cpu seconds, origins, failures
    warnings.simplefilter("ignore")
    done = set()
    if args.rescore:
        rescore(args, start, step, y, scores, done)
    else:
        fit_all(args, start, step, y, models, scores, done)
    report(args, start, step, y, scores, done)


def rescore(args, start, step, y, scores, done):
    rows = {}
    with open(args.rescore, newline="") as f:
        for row in csv.DictReader(f):
            rows.setdefault((row["model"], row["origin"]), []).append(row)
    for (name, origin), targets in rows.items():
        begin = datetime.fromisoformat(origin.replace("Z", "+00:00"))
        expected = int((begin + args.horizon - start) // step) - int((begin - start) // step)
        if name not in scores or len(targets) < expected:
            continue  # an origin cut short: left out
        done.add(origin)
        scores[name][3] += 1
        for row in targets:
            index = round((datetime.fromisoformat(row["target"].replace("Z", "+00:00")) - start) / step)
            if 0 <= index < len(y) and not np.isnan(y[index]):
                scores[name][0] += abs(y[index] - float(row["p50"]))
                scores[name][1] += 1


def fit_all(args, start, step, y, models, scores, done):
    period = round(timedelta(days=1) / step)
    with open(args.out, "w", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["model", "origin", "target", "p50"])
        chosen = origins(start, step, len(y), args)[::max(1, args.every)]
        for origin in chosen[:args.max_origins] if args.max_origins > 0 else chosen:
            end = min(len(y), math.ceil((origin - start) / step))
            begin = max(0, math.ceil((origin - args.history - start) / step))
            first_target = int((origin - start) // step) + 1
            last_target = min(len(y) - 1, int((origin + args.horizon - start) // step))
            if end - begin < 2 or last_target < first_target:
                continue
            history = y[begin:end].copy()
            mask = np.isnan(history)
            if mask.all():
                continue
            history[mask] = np.interp(np.flatnonzero(mask), np.flatnonzero(~mask), history[~mask])
            leads = last_target - end + 1
            done.add(f"{origin:%Y-%m-%dT%H:%M:%SZ}")
            for name, fit in models.items():
                cpu = time.process_time()
                try:
                    forecast = np.asarray(fit(history, leads, period))
                except Exception as error:  # a model that fails sits this origin out, as in the backtest verb
                    scores[name][4] += 1
                    print(f"{name} {origin:%Y-%m-%dT%H:%MZ}: sat out ({error})", file=sys.stderr)
                    continue
                scores[name][2] += time.process_time() - cpu
                scores[name][3] += 1
                for index in range(first_target, last_target + 1):
                    p50 = forecast[index - end]
                    writer.writerow([name, f"{origin:%Y-%m-%dT%H:%M:%SZ}", f"{start + step * index:%Y-%m-%dT%H:%M:%SZ}", repr(float(p50))])
                    if not np.isnan(y[index]):
                        scores[name][0] += abs(y[index] - p50)
                        scores[name][1] += 1


def report(args, start, step, y, scores, done):
    ours = {}
    if args.ours:
        with open(args.ours, newline="") as f:
            for row in csv.DictReader(f):
                if row["origin"] not in done:
                    continue
                index = round((datetime.fromisoformat(row["target"].replace("Z", "+00:00")) - start) / step)
                if 0 <= index < len(y) and not np.isnan(y[index]):
                    score = ours.setdefault(row["model"], [0.0, 0, set()])
                    score[0] += abs(y[index] - float(row["p50"]))
                    score[1] += 1
                    score[2].add(row["origin"])

    print(f"{args.trace}: grid {step}, daily period {round(timedelta(days=1) / step)} steps, {len(done)} origins")
    print(f"  {'model':<26} {'origins':>7} {'targets':>8} {'MAE':>12} {'cpu ms/origin':>14} {'satOut':>6}")
    for name, (error, targets, cpu, count, failed) in scores.items():
        mae = error / targets if targets else float("nan")
        print(f"  {name:<26} {count:>7} {targets:>8} {mae:>12.6g} {1000 * cpu / max(count, 1):>14.1f} {failed:>6}")
    for name, (error, targets, seen) in ours.items():
        print(f"  {name:<26} {len(seen):>7} {targets:>8} {error / targets:>12.6g} {'(see backtest)':>14} {0:>6}")


if __name__ == "__main__":
    main()
