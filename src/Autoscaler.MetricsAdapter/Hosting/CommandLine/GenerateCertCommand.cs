using System.CommandLine;
using Autoscaler.MetricsAdapter.Tls;

namespace Autoscaler.MetricsAdapter.Hosting.CommandLine;

/// <summary><c>generate-cert --out DIR [--hosts LIST] [--days N]</c>: writes a self-signed tls.crt/tls.key for local use.</summary>
internal static class GenerateCertCommand
{
    /// <summary>The sub-command's name.</summary>
    public const string Name = "generate-cert";

    /// <summary>Builds the sub-command; its action writes the pair, valid from <paramref name="time"/>'s now, and returns 0.</summary>
    public static Command Create(TimeProvider time)
    {
        var outDir = FlagOptions.Text("--out", "DIR", "Directory to write tls.crt and tls.key to (created if missing). Required.");
        outDir.Required = true;
        var hosts = FlagOptions.List("--hosts", "Comma-separated DNS names and IPs the certificate is valid for (e.g. metrics-adapter.autoscaler.svc). Default: localhost,127.0.0.1.", nonEmpty: true);
        var days = FlagOptions.Whole<int>("--days", "N", "Validity in days from now (at least 1). Default: 365.", minimum: 1);
        var command = new Command(Name, "Write a self-signed serving certificate (tls.crt, tls.key); use tls.crt, base64-encoded, as the APIServices' caBundle.")
        {
            outDir, hosts, days,
        };
        command.SetAction(result => Write(
            result.GetValue(outDir)!,
            result.GetResult(hosts) is null ? ["localhost", "127.0.0.1"] : result.GetValue(hosts)!,
            result.GetResult(days) is null ? 365 : result.GetValue(days),
            time.GetUtcNow(),
            result.InvocationConfiguration.Output));
        return command;
    }

    private static int Write(string outDir, IReadOnlyList<string> hosts, int days, DateTimeOffset now, TextWriter output)
    {
        Directory.CreateDirectory(outDir);
        using var certificate = SelfSignedCertificateFactory.Create(hosts, now, TimeSpan.FromDays(days));
        var certPath = Path.Combine(outDir, "tls.crt");
        SelfSignedCertificateFactory.WritePem(certificate, certPath, Path.Combine(outDir, "tls.key"));
        output.WriteLine($"wrote {certPath} and tls.key for {string.Join(", ", hosts)}, valid {days} days");
        output.WriteLine("the certificate is self-signed: use tls.crt (base64) as the APIServices' caBundle");
        return 0;
    }
}
