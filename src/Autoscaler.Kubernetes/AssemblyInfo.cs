using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Autoscaler.Kubernetes.Tests")]
[assembly: InternalsVisibleTo("Autoscaler.E2E.Tests")]
