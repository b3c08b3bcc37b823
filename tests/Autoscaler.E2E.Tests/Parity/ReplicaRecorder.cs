using System.Diagnostics;
using k8s;
using Autoscaler.Simulator.Parity;

namespace Autoscaler.E2E.Tests.Parity;

/// <summary>
/// Samples the Deployments' <c>spec.replicas</c> every <see cref="Interval"/> and keeps each change with the
/// run-relative time its response arrived (so a change is seen at most one interval plus one GET late).
/// This is sampling of a time-driven run, not synchronisation: nothing waits on it.
/// </summary>
internal sealed class ReplicaRecorder : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private readonly IKubernetes _client;
    private readonly string[] _names;
    private readonly string[] _namespaces;
    private readonly Stopwatch _clock;
    private readonly Dictionary<string, List<ReplicaChange>> _changes = [];
    private readonly Dictionary<string, int?> _last = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    /// <param name="client">Admin client.</param>
    /// <param name="targets">(namespace, Deployment name) pairs.</param>
    /// <param name="clock">The run's clock, started at the run's start.</param>
    public ReplicaRecorder(IKubernetes client, IReadOnlyList<(string Namespace, string Name)> targets, Stopwatch clock)
    {
        _client = client;
        _namespaces = targets.Select(t => t.Namespace).ToArray();
        _names = targets.Select(t => t.Name).ToArray();
        _clock = clock;
        foreach (var name in _names)
        {
            _changes[name] = [];
            _last[name] = null;
        }

        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Poll failures (each kept once per message), for the artifact.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>The changes after the first observation (the starting value is not a change).</summary>
    public IReadOnlyList<ReplicaChange> ChangesOf(string name)
    {
        lock (_changes)
        {
            return _changes[name].ToList();
        }
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            for (var i = 0; i < _names.Length; i++)
            {
                try
                {
                    var d = await _client.AppsV1.ReadNamespacedDeploymentAsync(_names[i], _namespaces[i], cancellationToken: _stop.Token);
                    var at = _clock.Elapsed.TotalSeconds;
                    Observe(_names[i], d.Spec?.Replicas, at);
                }
                catch (Exception e) when (!_stop.IsCancellationRequested)
                {
                    lock (_changes)
                    {
                        if (!Errors.Contains(e.Message))
                        {
                            Errors.Add(e.Message);
                        }
                    }
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
        while (await WaitTickAsync(timer));
    }

    private async Task<bool> WaitTickAsync(PeriodicTimer timer)
    {
        try
        {
            return await timer.WaitForNextTickAsync(_stop.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void Observe(string name, int? replicas, double at)
    {
        lock (_changes)
        {
            if (_last[name] is { } previous && replicas is { } now && now != previous)
            {
                _changes[name].Add(new ReplicaChange(Math.Round(at, 3), now));
            }

            _last[name] = replicas ?? _last[name];
        }
    }

    /// <summary>Stops sampling; idempotent.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_loop.IsCompleted)
        {
            return;
        }

        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
