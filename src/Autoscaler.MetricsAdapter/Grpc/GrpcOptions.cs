using System.Net;

namespace Autoscaler.MetricsAdapter.Grpc;

/// <summary>Options of the gRPC endpoint (push service and health), served as cleartext HTTP/2 (h2c).</summary>
public sealed class GrpcOptions
{
    /// <summary>Port of the dedicated HTTP/2-only cleartext endpoint. Default 50051; 0 disables the listener.</summary>
    public int Port { get; set; } = 50051;

    /// <summary>Address to bind. Default <c>127.0.0.1</c>; the Deployment sets <c>0.0.0.0</c> so pods can push.</summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>Largest accepted request message, after decompression. Default 4 MiB (the gRPC libraries' default).</summary>
    public int MaxReceiveMessageBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Returns every problem with these options (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Port is < 0 or > 65535)
        {
            errors.Add($"Grpc:Port must be 0..65535 (got {Port})");
        }

        if (!IPAddress.TryParse(ListenAddress, out _))
        {
            errors.Add($"Grpc:ListenAddress must be an IP address (got '{ListenAddress}')");
        }

        if (MaxReceiveMessageBytes <= 0)
        {
            errors.Add($"Grpc:MaxReceiveMessageBytes must be positive (got {MaxReceiveMessageBytes})");
        }

        return errors;
    }
}
