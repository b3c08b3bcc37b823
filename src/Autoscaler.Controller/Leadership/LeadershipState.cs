namespace Autoscaler.Controller.Leadership;

/// <summary>
/// Whether this replica may act now, and a token cancelled the moment it stops leading (so a pass in flight stops
/// before a new leader can start one).
/// </summary>
public sealed class LeadershipState
{
    private readonly Lock _gate = new();
    private CancellationTokenSource _term = new();
    private volatile bool _leading;

    /// <summary>True while this replica holds the Lease.</summary>
    public bool IsLeader => _leading;

    /// <summary>Cancelled when the current term ends.</summary>
    public CancellationToken Term
    {
        get
        {
            lock (_gate)
            {
                return _term.Token;
            }
        }
    }

    /// <summary>Starts a term.</summary>
    public void Gain()
    {
        lock (_gate)
        {
            if (_term.IsCancellationRequested)
            {
                _term.Dispose();
                _term = new CancellationTokenSource();
            }

            _leading = true;
        }
    }

    /// <summary>Ends the term and cancels its token.</summary>
    public void Lose()
    {
        lock (_gate)
        {
            _leading = false;
            _term.Cancel();
        }
    }
}
