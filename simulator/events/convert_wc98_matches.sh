#!/usr/bin/env bash
# Converts the World Cup 1998 match list (kick-off times) into the backtest event calendar:
#   start_utc,end_utc,kind,expected_multiplier,description
# A match is about two hours from kick-off to final whistle (2 × 45 min, 15 min half time, stoppage
# time), so end_utc = kickoff + 2h. The load peak follows the final whistle; the forecaster learns that
# tail (and the ramp before kick-off) itself from past occurrences, so the calendar records only the match.
# Kind is "match" for every row; expected_multiplier is left empty (every match after the first few has
# earlier matches in the history to learn from).
#
# Usage: simulator/events/convert_wc98_matches.sh [SOURCE.csv] > simulator/events/wc98_matches.csv
# Default source: /work/shared/data/events/wc98_matches_until_0627.csv
# Source columns: kickoff_utc,kickoff_local_paris,stage,home,away,score,win_conditions,city,stadium,attendance,match_id
set -euo pipefail
src="${1:-/work/shared/data/events/wc98_matches_until_0627.csv}"
echo "# World Cup 1998 matches until 26 June 1998, converted by simulator/events/convert_wc98_matches.sh"
echo "# from ../shared/data/events/wc98_matches_until_0627.csv (the public FIFA World Cup 1998 match schedule:"
echo "# kick-off in UTC, stage, teams). start = kick-off, end = kick-off + 2h (the final whistle)."
echo "start_utc,end_utc,kind,expected_multiplier,description"
tail -n +2 "$src" | tr -d '\r' | while IFS=, read -r kickoff _local stage home away _rest; do
  [ -z "$kickoff" ] && continue
  end=$(date -u -d "$kickoff + 2 hours" +%Y-%m-%dT%H:%M:%SZ)
  echo "$kickoff,$end,match,,$stage: $home v $away"
done
