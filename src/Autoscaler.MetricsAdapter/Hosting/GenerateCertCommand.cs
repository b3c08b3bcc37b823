using System.Globalization;
using Autoscaler.MetricsAdapter.Tls;

namespace Autoscaler.MetricsAdapter.Hosting;

/// <summary><c>generate-cert --out DIR [--hosts LIST] [--days N]</c>: writes a self-signed tls.crt/tls.key for local use.</summary>
internal static class GenerateCertCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        string? outDir = null;
        var hosts = new List<string> { "localhost", "127.0.0.1" };
        var days = 365;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--out" when value is not null:
                    outDir = value;
                    i++;
                    break;
                case "--hosts" when value is not null:
                    hosts = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
                    i++;
                    break;
                case "--days" when value is not null && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d > 0:
                    days = d;
                    i++;
                    break;
                default:
                    error.WriteLine($"generate-cert: unexpected argument \"{args[i]}\"; usage: generate-cert --out DIR [--hosts a,b] [--days N]");
                    return 2;
            }
        }

        if (outDir is null || hosts.Count == 0)
        {
            error.WriteLine("generate-cert: --out DIR is required (and --hosts may not be empty)");
            return 2;
        }

        Directory.CreateDirectory(outDir);
        using var certificate = SelfSignedCertificateFactory.Create(hosts, DateTimeOffset.UtcNow, TimeSpan.FromDays(days));
        var certPath = Path.Combine(outDir, "tls.crt");
        SelfSignedCertificateFactory.WritePem(certificate, certPath, Path.Combine(outDir, "tls.key"));
        output.WriteLine($"wrote {certPath} and tls.key for {string.Join(", ", hosts)}, valid {days} days");
        output.WriteLine("the certificate is self-signed: use tls.crt (base64) as the APIServices' caBundle");
        return 0;
    }
}
