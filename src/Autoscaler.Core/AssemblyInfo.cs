using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Autoscaler.Core.Tests")]
[assembly: InternalsVisibleTo("Autoscaler.Benchmarks")]
