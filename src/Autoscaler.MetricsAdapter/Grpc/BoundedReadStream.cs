using Grpc.Core;

namespace Autoscaler.MetricsAdapter.Grpc;

/// <summary>
/// A read-only stream that passes bytes through from <c>inner</c> until <c>limit</c> bytes have been read, then
/// throws RESOURCE_EXHAUSTED on the read that would go past it. Reads at most <c>limit + 1</c> bytes from
/// <c>inner</c>, so the work done on a decompression bomb is bounded by the limit, not by the bomb.
/// </summary>
internal sealed class BoundedReadStream(Stream inner, long limit) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer[..Allowance(buffer.Length)]);
        return Count(n);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer[..Allowance(buffer.Length)], cancellationToken).ConfigureAwait(false);
        return Count(n);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    // One byte past the limit is enough to tell "exactly at the limit" from "over it".
    private int Allowance(int requested) => (int)Math.Min(requested, limit + 1 - _read);

    private int Count(int n)
    {
        _read += n;
        return _read > limit
            ? throw new RpcException(new Status(StatusCode.ResourceExhausted, $"Decompressed message larger than max ({limit} bytes)."))
            : n;
    }
}
