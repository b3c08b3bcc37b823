using System.Text;

namespace Autoscaler.MetricsAdapter.Grpc;

/// <summary>The percent-encoding of <c>grpc-message</c>: printable ASCII except '%' as is, every other UTF-8 byte as %XX.</summary>
internal static class GrpcPercentEncoding
{
    public static string Encode(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var result = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            if (b is >= 0x20 and <= 0x7E && b != (byte)'%')
            {
                result.Append((char)b);
            }
            else
            {
                result.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return result.ToString();
    }
}
