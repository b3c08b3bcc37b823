using Autoscaler.Calendar.Hosting;

// autoscaler-calendar: the web calendar for ScalingEvents (docs/calendar.md). Configuration: appsettings.json,
// environment (Calendar__Namespaces__0=shop, Calendar__Auth__SharedSecret=...), or --Calendar:Namespaces:0=shop.
// --help prints the settings and exits without starting the server; bad arguments and settings exit 2 before it starts.
if (CalendarCommandLine.WantsHelp(args))
{
    await Console.Out.WriteAsync(CalendarCommandLine.Help).ConfigureAwait(false);
    return 0;
}

// Before the host reads them: ASP.NET's command-line provider drops "--urls" without a value (and starts on
// localhost:5000), so every option without a value is an error naming it.
var argumentErrors = CalendarArguments.Check(args);
if (argumentErrors.Count > 0)
{
    foreach (var error in argumentErrors) await Console.Error.WriteLineAsync($"error: {error}").ConfigureAwait(false);
    await Console.Error.WriteLineAsync("Run 'autoscaler-calendar --help' for usage.").ConfigureAwait(false);
    return CalendarCommandLine.BadUsage;
}

var builder = WebApplication.CreateBuilder(args);
var errors = CalendarCommandLine.Check(builder.Configuration);
if (errors.Count > 0)
{
    foreach (var error in errors) await Console.Error.WriteLineAsync($"error: {error}").ConfigureAwait(false);
    await Console.Error.WriteLineAsync("Run 'autoscaler-calendar --help' for usage.").ConfigureAwait(false);
    return CalendarCommandLine.BadUsage;
}

CalendarApp.AddServices(builder);
var app = builder.Build();
if (CalendarCommandLine.CheckKubernetes(app.Services) is { } kubernetes)
{
    await Console.Error.WriteLineAsync($"error: {kubernetes}").ConfigureAwait(false);
    return CalendarCommandLine.BadUsage;
}

CalendarApp.Configure(app);
await app.RunAsync().ConfigureAwait(false);
return 0;

/// <summary>The entry point (public for tests that host the app).</summary>
public partial class Program;
