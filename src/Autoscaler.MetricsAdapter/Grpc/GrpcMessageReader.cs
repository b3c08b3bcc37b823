using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Pipelines;

namespace Autoscaler.MetricsAdapter.Grpc;

/// <summary>
/// Reads gRPC length-prefixed messages (1 flag byte, 4-byte big-endian length, payload) from a request
/// body. DATA frame boundaries are unrelated to message boundaries, so it buffers across reads.
/// </summary>
internal sealed class GrpcMessageReader(PipeReader body, int maxMessageBytes, string? encoding)
{
    private const int HeaderLength = 5;

    /// <summary>The next message's payload (decompressed), or null at a clean end of stream.</summary>
    /// <exception cref="GrpcException">A framing error (INTERNAL) or an oversized message (RESOURCE_EXHAUSTED).</exception>
    public async ValueTask<byte[]?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await body.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (TryTake(ref buffer, out var payload))
            {
                body.AdvanceTo(buffer.Start);
                return payload;
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                var left = buffer.Length;
                body.AdvanceTo(buffer.End);
                if (left == 0)
                {
                    return null;
                }

                throw new GrpcException(GrpcStatusCode.Internal, $"Incomplete gRPC message: the stream ended {left} byte(s) into a message.");
            }

            body.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private bool TryTake(ref ReadOnlySequence<byte> buffer, out byte[]? payload)
    {
        payload = null;
        if (buffer.Length < HeaderLength)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[HeaderLength];
        buffer.Slice(0, HeaderLength).CopyTo(header);
        var flag = header[0];
        if (flag > 1)
        {
            throw new GrpcException(GrpcStatusCode.Internal, $"Invalid gRPC message flag {flag} (expected 0 or 1).");
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (length > (uint)maxMessageBytes)
        {
            // Refused from the header alone: an oversized message is never buffered.
            throw new GrpcException(GrpcStatusCode.ResourceExhausted,
                $"Received message larger than max ({length} vs. {maxMessageBytes}).");
        }

        if (buffer.Length < HeaderLength + length)
        {
            return false;
        }

        var raw = buffer.Slice(HeaderLength, length).ToArray();
        buffer = buffer.Slice(HeaderLength + length);
        payload = flag == 0 ? raw : Decompress(raw);
        return true;
    }

    private byte[] Decompress(byte[] raw)
    {
        if (encoding is null or "identity")
        {
            throw new GrpcException(GrpcStatusCode.Internal, "Compressed gRPC message without a grpc-encoding header.");
        }

        try
        {
            using var input = new GZipStream(new MemoryStream(raw), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = input.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (output.Length + read > maxMessageBytes)
                {
                    throw new GrpcException(GrpcStatusCode.ResourceExhausted,
                        $"Decompressed message larger than max ({maxMessageBytes} bytes).");
                }

                output.Write(chunk, 0, read);
            }

            return output.ToArray();
        }
        catch (InvalidDataException ex)
        {
            throw new GrpcException(GrpcStatusCode.Internal, $"Invalid gzip message: {ex.Message}");
        }
    }
}
