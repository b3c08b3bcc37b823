using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Autoscaler.Kubernetes.Models;
using Autoscaler.Kubernetes.Serialization;

namespace Autoscaler.Kubernetes.Watch;

/// <summary>
/// Decodes a watch body: a stream of concatenated JSON objects. Neither line breaks nor chunk boundaries
/// are trusted; an event is yielded as soon as its closing brace has arrived.
/// </summary>
internal static class WatchStreamReader
{
    private const int InitialBuffer = 16 * 1024;
    private const int MaxEventBytes = 64 * 1024 * 1024;

    public static async IAsyncEnumerable<WatchEvent<T>> ReadAsync<T>(
        Stream stream, JsonTypeInfo<T> typeInfo, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : KubernetesObject
    {
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);
        int start = 0, end = 0;
        try
        {
            while (true)
            {
                while (TryReadValue(buffer, ref start, end, out var raw))
                {
                    yield return Decode(raw, typeInfo);
                }

                if (start > 0)
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    start = 0;
                }

                if (end == buffer.Length)
                {
                    buffer = Grow(buffer, end);
                }

                var read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    yield break;
                }

                end += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    internal static WatchEvent<T> Decode<T>(RawWatchEvent raw, JsonTypeInfo<T> typeInfo)
        where T : KubernetesObject
    {
        var type = raw.Type switch
        {
            "ADDED" => WatchEventType.Added,
            "MODIFIED" => WatchEventType.Modified,
            "DELETED" => WatchEventType.Deleted,
            "BOOKMARK" => WatchEventType.Bookmark,
            "ERROR" => WatchEventType.Error,
            _ => throw new JsonException($"watch stream: unknown event type '{raw.Type}'"),
        };
        return type == WatchEventType.Error
            ? new WatchEvent<T>(type, null, raw.Object.Deserialize(KubernetesJsonContext.Default.ApiStatus))
            : new WatchEvent<T>(type, raw.Object.Deserialize(typeInfo), null);
    }

    private static bool TryReadValue(byte[] buffer, ref int start, int end, out RawWatchEvent raw)
    {
        raw = null!;
        while (start < end && buffer[start] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
        {
            start++;
        }

        if (start == end)
        {
            return false;
        }

        var span = new ReadOnlySpan<byte>(buffer, start, end - start);
        var reader = new Utf8JsonReader(span, isFinalBlock: false, state: default);
        if (!reader.Read())
        {
            return false;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"watch stream: expected an event object, found {reader.TokenType}");
        }

        if (!reader.TrySkip())
        {
            return false;
        }

        var length = (int)reader.BytesConsumed;
        raw = JsonSerializer.Deserialize(span[..length], KubernetesJsonContext.Default.RawWatchEvent)
            ?? throw new JsonException("watch stream: null event");
        start += length;
        return true;
    }

    private static byte[] Grow(byte[] buffer, int used)
    {
        if (buffer.Length >= MaxEventBytes)
        {
            throw new InvalidDataException($"watch stream: one event exceeds {MaxEventBytes} bytes");
        }

        var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        Buffer.BlockCopy(buffer, 0, bigger, 0, used);
        ArrayPool<byte>.Shared.Return(buffer);
        return bigger;
    }
}
