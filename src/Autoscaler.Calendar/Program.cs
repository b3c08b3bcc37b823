using Autoscaler.Calendar.Hosting;

// autoscaler-calendar: the web calendar for ScalingEvents (docs/calendar.md). Configuration: appsettings.json,
// environment (Calendar__Namespaces__0=shop, Calendar__Auth__SharedSecret=...), or --Calendar:Namespaces:0=shop.
var builder = WebApplication.CreateBuilder(args);
CalendarApp.AddServices(builder);
var app = builder.Build();
CalendarApp.Configure(app);
await app.RunAsync().ConfigureAwait(false);

/// <summary>The entry point (public for tests that host the app).</summary>
public partial class Program;
