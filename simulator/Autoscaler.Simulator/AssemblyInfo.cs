using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Autoscaler.Simulator.Tests")]
[assembly: InternalsVisibleTo("Autoscaler.Benchmarks")]
[assembly: InternalsVisibleTo("Autoscaler.E2E.Tests")]
[assembly: InternalsVisibleTo("Autoscaler.Controller.Tests")]
