namespace Autoscaler.Simulator.Replay;

/// <summary>The scenario reference printed by <c>replay --help</c> and <c>compare --help</c>.</summary>
internal static class ScenarioHelp
{
    public const string Text = """
        Trace (CSV): 'timestamp,value' per line, ISO-8601 UTC (e.g. 1998-06-10T15:30:00Z), optional header.
          An offset (+02:00) is converted to UTC and a note gives the UTC span; no offset is read as UTC (warned),
          never as this machine's local time. Outputs print UTC. A file given to the wrong option (an HPA to
          --scenario, a scenario to --hpa, a CSV as YAML) is named by its kind with the option that takes it.
          Values are demand in load units per bucket. 1-minute buckets are used as they are; 5- or 30-minute
          buckets are divided by 5 or 30 to give demand per minute (reported). Gaps hold the previous value;
          duplicate timestamps keep the later line; out-of-order lines are sorted. All of it is reported.

        Scenario (YAML), every field with its default:
          name: wc98-external          # label in reports (default: file name)
          description: ...             # free text shown in the report
          workload:
            capacityPerPod: 20         # REQUIRED: load units per minute one ready pod serves within its SLO
            startupSeconds: 120        # pod creation to ready (0)
            startupJitterSeconds: 30   # each pod adds uniform [0, 30) s, drawn from seed (0 = none)
            seed: 1                    # jitter seed: same seed, same run (1)
            initialReplicas: 3         # pods running and ready at the start (hpa.minReplicas)
            valueScale: 10             # multiplies every trace value (1)
            cpuRequestMilli: 1000      # Utilization metric: CPU request per pod (1000)
            cpuAtCapacityMilli: 1000   # Utilization metric: CPU used at capacityPerPod, linear in load (1000)
          hpa:
            minReplicas: 2             # (1)
            maxReplicas: 300           # REQUIRED
            syncPeriodSeconds: 15      # controller sync period (15)
            profile: current           # current | v1.20: which upstream HPA behaviour (current)
            tolerance: 0.1             # controller tolerance flag (0.1)
            downscaleStabilizationSeconds: 300  # controller flag, used when behavior sets no window (300)
            cpuInitializationPeriodSeconds: 300 # Utilization only (300)
            initialReadinessDelaySeconds: 30    # Utilization only (30)
            metric:                    # REQUIRED
              type: External           # External: the HPA sees demand per minute
              target: { averageValue: 14 }   # or { value: 2000 } (total); Kubernetes quantities: 500m, 1.5k
              # type: Utilization      # CPU modelled from demand ÷ ready pods
              # target: { averageUtilization: 70 }
              delaySeconds: 60         # scrape + query latency: the HPA sees demand of 60 s ago (0)
            behavior:                  # optional autoscaling/v2 behavior; absent = legacy path, {} = upstream defaults
              scaleUp:   { stabilizationWindowSeconds: 0, selectPolicy: Max,
                           policies: [ { type: Pods, value: 4, periodSeconds: 15 }, { type: Percent, value: 100, periodSeconds: 15 } ] }
              scaleDown: { stabilizationWindowSeconds: 300, policies: [ { type: Percent, value: 100, periodSeconds: 15 } ] }
          prescale:                    # optional: the pre-scale planner beside the HPA, on the same virtual clock
            events: events.csv         # start_utc,end_utc,kind[,expected_multiplier[,description]] (relative to this file)
            forecaster: auto           # auto | none (events only) | a backtest model name (auto)
            quantile: 0.9              # forecast quantile provisioned to, 0.1..0.9 (0.9)
            headroom: 0.1              # extra share above the quantile (0.1)
            leadTime: auto             # auto = startup + p90 jitter + one sync + metric delay, or a duration (auto)
            actuation: minReplicas     # minReplicas (exact) | externalMetric (beside the HPA's metric, tolerance applies)
            refitEvery: 1h             # forecast refit cadence (1h)
            history: 14d               # history each refit reads (14d)
            maxFloor: 300              # cap on the floor (maxReplicas); maxStepUp: 20 caps the rise per sync (none)
            mode: auto                 # observe | recommend (compute and record only) | auto (auto)
            scope: always              # always: forecast floors everywhere | events: floors only for scheduled events
            trustGate: { enabled: true, window: 7d }   # as a PredictivePolicy's: in auto, forecast floors act only while the
                                       # forecaster's rolling MAPE beats persistence and seasonal-naive:1d, else they are
                                       # recommended only (decisions.jsonl withheldFloor; summary prescale.trustGate). Off
                                       # unless the section is given (each refit then costs 36 extra fits)
            target: shop/web           # the controller's HPA key: refit slots as the controller's (default: the first fit)
            schedule:                  # one-off events; local times need an IANA timeZone (a DST-gap time is an error)
              - { start: "2026-11-27T08:00", end: "2026-11-27T12:00", timeZone: Europe/Paris, kind: sale,
                  multiplier: 8, ramp: [ { before: 30m, share: 0.5 } ] }      # or bump: 0.4 (+40 %) or floor: 40
            recurring:                 # cron on the zone's wall clock
              - { cron: "0 18 * * FRI", timeZone: Europe/Paris, duration: 2h, kind: promo, bump: 0.4 }
            exclusions:                # days without forecast floors (events still apply)
              - { date: 2026-12-25, timeZone: Europe/Paris }
          The forecaster reads Core's history grid (the controller's): epoch-aligned minutes, each known once it
          has ended plus the metric delay. Outputs gain: summary.json prescalePodHours
          floorMinutes eventMinutes eventOverloadMinutes eventPodHours, events[] (overloadMinutes,
          timeToCapacitySeconds, podHours per event), prescale{}; timeline.csv a floor column; decisions.jsonl.
        Unknown fields are errors. All errors are listed at once as FILE:LINE: error: field 'a.b': reason.

        Model: a discrete-event engine on a virtual clock. The HPA (the same reconcile code as the live
        controller) syncs every syncPeriodSeconds; created pods become ready startupSeconds (+ jitter) later;
        a scale-down removes pods at once (starting pods first, then the most recently ready).
        Overload = demand above ready replicas × capacityPerPod, integrated exactly between events.

        Summary fields (for --fail-if): overloadMinutes unservedLoad unservedFraction podHours readyPodHours
          scaleUps scaleDowns peakReplicas meanUtilization totalDemand overloadPeriods longestOverloadMinutes
          syncs minutes prescalePodHours floorMinutes eventMinutes eventOverloadMinutes eventPodHours

        Exit codes: 0 ok; 1 a --fail-if gate was breached (one line on stderr says which);
          2 bad input (nothing is written).
        """;
}
