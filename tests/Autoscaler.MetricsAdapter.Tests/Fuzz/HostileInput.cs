namespace Autoscaler.MetricsAdapter.Tests.Fuzz;

/// <summary>Seeded generators of hostile text and bytes for the fuzz tests (same cases on every run).</summary>
internal sealed class HostileInput(int seed)
{
    private static readonly string[] Pieces =
    [
        "\"", "\\", "\"}", "}", "{", "\n", "\r", "\t", "\0", ".*", "|", "(", ")", "[", "]", "!", "=", "==", "!=", ",", " ", "in", "notin",
        "(a,b)", "()", "a", "queue", "orders", "app.kubernetes.io/name", "x/y/z", "-", "_", ".", "é", "日本", "😀", "\ud800", "\ufffd",
        "%", "%3D", "%2C", "%00", "&", "#", "+", "<", ">", "9", "0", new string('a', 70), new string('b', 300),
    ];

    private readonly Random _random = new(seed);

    /// <summary>Up to <paramref name="maxPieces"/> hostile pieces glued together.</summary>
    public string Text(int maxPieces = 8) =>
        string.Concat(Enumerable.Range(0, _random.Next(maxPieces + 1)).Select(_ => Pieces[_random.Next(Pieces.Length)]));

    /// <summary>Random bytes, or a mutation (flipped, cut, duplicated bytes) of <paramref name="valid"/>.</summary>
    public byte[] Bytes(byte[] valid)
    {
        switch (_random.Next(3))
        {
            case 0:
                var bytes = new byte[_random.Next(64)];
                _random.NextBytes(bytes);
                return bytes;
            case 1:
                var flipped = (byte[])valid.Clone();
                for (var i = 0; i < 1 + _random.Next(4) && flipped.Length > 0; i++)
                {
                    flipped[_random.Next(flipped.Length)] ^= (byte)(1 << _random.Next(8));
                }

                return flipped;
            default:
                return [.. valid.AsSpan(0, _random.Next(valid.Length + 1)), .. valid.AsSpan(0, _random.Next(valid.Length + 1))];
        }
    }

    public double Number() => _random.Next(8) switch
    {
        0 => double.NaN,
        1 => double.PositiveInfinity,
        2 => -1e300,
        3 => 9.3e15,
        _ => (_random.NextDouble() - 0.5) * Math.Pow(10, _random.Next(-5, 17)),
    };

    public long Timestamp(long now) => _random.Next(5) switch
    {
        0 => 0,
        1 => -_random.NextInt64(1, long.MaxValue),
        2 => long.MaxValue,
        _ => now + _random.NextInt64(-600_000, 600_000),
    };

    public int Next(int max) => _random.Next(max);
}
