namespace Autoscaler.Core;

/// <summary>Marker type for the decision core assembly (used by tests that inspect its references).</summary>
public static class CoreAssembly
{
}
