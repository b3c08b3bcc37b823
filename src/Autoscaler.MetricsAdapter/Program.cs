using Autoscaler.MetricsAdapter.Hosting;
using Autoscaler.MetricsAdapter.Hosting.CommandLine;
using Autoscaler.MetricsAdapter.Storage;
using Autoscaler.MetricsAdapter.Tls;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

var command = AdapterCommandLine.Parse(args);
if (!command.Serves)
{
    return command.Invoke(Console.Out, Console.Error); // --help, generate-cert, or every error and exit 2
}

var (options, configuration) = (command.Options, command.Configuration);
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
    // The sources' sections (--Grpc:..., --Push:..., ...): every failure at once and exit 2, as for flags, before
    // anything resolves them (the pipeline does) or listens.
    app.Services.GetService<IStartupValidator>()?.Validate();
}
catch (Exception e) when (ValidationFailures(e) is { Count: > 0 } failures)
{
    foreach (var failure in failures)
    {
        Console.Error.WriteLine($"error: {failure}");
    }

    Console.Error.WriteLine("see --help");
    return 2;
}

try
{
    AdapterHost.PrepareCertificate(app.Services, options);
}
catch (InvalidOperationException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}

try
{
    app.UseAdapterPipeline(); // resolves the push source's store, which opens its SQLite file
}
catch (SampleStoreUnavailableException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}

await app.RunAsync().ConfigureAwait(false);
return 0;

// One section's failures arrive as an OptionsValidationException, several sections' as an AggregateException of them.
static List<string> ValidationFailures(Exception e) => e switch
{
    OptionsValidationException v => [.. v.Failures],
    AggregateException a when a.InnerExceptions.All(i => i is OptionsValidationException) =>
        [.. a.InnerExceptions.SelectMany(i => ((OptionsValidationException)i).Failures)],
    _ => [],
};
