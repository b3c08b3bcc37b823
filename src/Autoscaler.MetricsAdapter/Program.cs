using Autoscaler.MetricsAdapter.Hosting;
using Autoscaler.MetricsAdapter.Tls;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

if (args.Length > 0 && args[0] == "generate-cert")
{
    return GenerateCertCommand.Run(args[1..], Console.Out, Console.Error);
}

var (options, configuration, parseErrors, help) = AdapterCommandLine.Parse(args);
if (help)
{
    Console.Out.Write(AdapterCommandLine.Help());
    return 0;
}

var errors = parseErrors.Concat(options.Validate()).ToList();
if (errors.Count > 0)
{
    foreach (var error in errors)
    {
        Console.Error.WriteLine($"error: {error}");
    }

    Console.Error.WriteLine("see --help");
    return 2;
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
builder.Configuration.AddInMemoryCollection(configuration);
// Per-request hosting logs would dominate the cost of a cached metric read.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.Services.AddAdapterServices(options);
AdapterHost.AddCertificateReloading(builder.Services, options);
SourceComposition.AddSources(builder);
builder.WebHost.ConfigureKestrel(k => AdapterHost.ConfigureKestrel(k, options, k.ApplicationServices.GetRequiredService<ServingCertificate>()));

await using var app = builder.Build();
try
{
    AdapterHost.PrepareCertificate(app.Services, options);
}
catch (InvalidOperationException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}

app.UseAdapterPipeline();
await app.RunAsync().ConfigureAwait(false);
return 0;
