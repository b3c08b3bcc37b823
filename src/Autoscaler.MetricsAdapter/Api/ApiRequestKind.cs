namespace Autoscaler.MetricsAdapter.Api;

/// <summary>What a request path addresses (PROTOCOLS.md §1.2, §1.4, §1.5).</summary>
internal enum ApiRequestKind
{
    /// <summary>Not a path this server serves (404).</summary>
    Unknown,

    /// <summary>A malformed metrics path (400).</summary>
    Invalid,

    /// <summary><c>/</c>: the root paths.</summary>
    Root,

    /// <summary><c>/version</c>.</summary>
    Version,

    /// <summary><c>/apis</c>.</summary>
    GroupList,

    /// <summary><c>/apis/&lt;group&gt;</c>.</summary>
    Group,

    /// <summary><c>/apis/&lt;group&gt;/&lt;version&gt;</c>.</summary>
    ResourceList,

    /// <summary>E1: an external metric in a namespace.</summary>
    External,

    /// <summary>C1, C3, C5: a custom metric for one named object.</summary>
    CustomNamed,

    /// <summary>C2, C4: a custom metric for every object matching a selector.</summary>
    CustomSelector,
}
