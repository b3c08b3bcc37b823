using System.IO.Compression;
using Grpc.Net.Compression;

namespace Autoscaler.MetricsAdapter.Grpc;

/// <summary>
/// The <c>gzip</c> message encoding with a ceiling on what one message may expand to. Grpc.AspNetCore checks
/// <c>MaxReceiveMessageSize</c> against the compressed length from the 5-byte message header only; this provider
/// stops decompressing once the output passes <paramref name="maxDecompressedBytes"/> and fails the call with
/// RESOURCE_EXHAUSTED, so a small gzip message cannot expand without bound in memory.
/// </summary>
/// <param name="maxDecompressedBytes">Largest decompressed message, in bytes (<see cref="GrpcOptions.MaxReceiveMessageBytes"/>).</param>
public sealed class BoundedGzipCompressionProvider(int maxDecompressedBytes) : ICompressionProvider
{
    /// <summary>Always <c>gzip</c>.</summary>
    public string EncodingName => "gzip";

    /// <summary>Largest decompressed message, in bytes.</summary>
    public int MaxDecompressedBytes { get; } = maxDecompressedBytes > 0
        ? maxDecompressedBytes
        : throw new ArgumentOutOfRangeException(nameof(maxDecompressedBytes), maxDecompressedBytes, "must be positive");

    /// <summary>A plain gzip stream (responses are not size-limited here).</summary>
    /// <param name="stream">Where compressed bytes go.</param>
    /// <param name="compressionLevel">The level, or null for <see cref="CompressionLevel.Fastest"/>.</param>
    public Stream CreateCompressionStream(Stream stream, CompressionLevel? compressionLevel) =>
        new GZipStream(stream, compressionLevel ?? CompressionLevel.Fastest, leaveOpen: true);

    /// <summary>A gzip decompression stream that throws <see cref="global::Grpc.Core.RpcException"/> with
    /// RESOURCE_EXHAUSTED as soon as more than <see cref="MaxDecompressedBytes"/> bytes come out of it.</summary>
    /// <param name="stream">The compressed message.</param>
    public Stream CreateDecompressionStream(Stream stream) =>
        new BoundedReadStream(new GZipStream(stream, CompressionMode.Decompress), MaxDecompressedBytes);
}
