using System.IO.Compression;
using Autoscaler.MetricsAdapter.Grpc;
using Grpc.Core;

namespace Autoscaler.MetricsAdapter.Tests.Grpc;

public sealed class BoundedGzipCompressionProviderTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1000)]
    [InlineData(4096)]
    public void A_message_of_exactly_the_limit_or_less_decompresses_whole(int size)
    {
        var provider = new BoundedGzipCompressionProvider(4096);
        var original = Enumerable.Range(0, size).Select(i => (byte)(i * 31)).ToArray();

        var output = new MemoryStream();
        using (var decompress = provider.CreateDecompressionStream(new MemoryStream(Compress(provider, original))))
        {
            decompress.CopyTo(output);
        }

        Assert.Equal(original, output.ToArray());
    }

    [Fact]
    public void One_byte_over_the_limit_is_resource_exhausted()
    {
        var provider = new BoundedGzipCompressionProvider(4096);
        using var decompress = provider.CreateDecompressionStream(new MemoryStream(Compress(provider, new byte[4097])));

        var error = Assert.Throws<RpcException>(() => decompress.CopyTo(Stream.Null));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains("4096", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bomb_is_stopped_after_the_limit_not_expanded()
    {
        var provider = new BoundedGzipCompressionProvider(1024 * 1024);
        var bomb = Compress(provider, new byte[256 * 1024 * 1024]);
        var counted = new CountingStream();
        using var decompress = provider.CreateDecompressionStream(new MemoryStream(bomb));

        Assert.Throws<RpcException>(() => decompress.CopyTo(counted));

        Assert.True(bomb.Length < 1024 * 1024, $"the bomb is small ({bomb.Length} bytes)");
        Assert.InRange(counted.Written, 0, 1024 * 1024);
    }

    [Fact]
    public void A_non_positive_limit_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BoundedGzipCompressionProvider(0));

    private static byte[] Compress(BoundedGzipCompressionProvider provider, byte[] data)
    {
        var output = new MemoryStream();
        using (var gzip = provider.CreateCompressionStream(output, CompressionLevel.SmallestSize))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private sealed class CountingStream : Stream
    {
        public long Written { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Written;

        public override long Position { get => Written; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Written += count;
    }
}
