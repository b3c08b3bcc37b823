using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Autoscaler.MetricsAdapter.Tests")]
[assembly: InternalsVisibleTo("Autoscaler.E2E.Tests")]
[assembly: InternalsVisibleTo("Autoscaler.Benchmarks")]
[assembly: InternalsVisibleTo("Autoscaler.AdapterLoad")]
